-- The team's people (DESIGN §2 `users`, same columns as the entity registry) and the per-device
-- tokens they sign in with (DESIGN §3 "Auth"). Only hashes are stored: the password as an encoded
-- scrypt hash, a token as the hex SHA-256 of its random bytes.
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('csm', 'manager', 'admin')),
  manager_id text REFERENCES users (id),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

-- One account per address whatever its case: Ana@x.com and ana@x.com are the same person.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE INDEX users_manager_id ON users (manager_id);

CREATE TABLE device_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  device text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE INDEX device_tokens_user_id ON device_tokens (user_id);

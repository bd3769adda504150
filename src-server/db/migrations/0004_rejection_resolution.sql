-- How a device should settle its own copy of a refused row, kept with the refusal so a repeated
-- push gets the same answer: 'resend' (the server logged its row again; the next pull restores it)
-- or 'drop' (the server has no such row on that account; the device drops its local one).
ALTER TABLE mutation_rejections ADD COLUMN resolution text;

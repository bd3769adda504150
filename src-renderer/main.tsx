import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectToMain } from './api/api-client';
import './styles/portfolio.css';
import './styles/account-panel.css';
import './styles/workspace.css';
import './styles/notes.css';
import './styles/sync.css';
import './styles/today.css';
import './styles/dashboards.css';

connectToMain();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { useEffect, useState } from 'react';
import { invoke } from './api/api-client';
import type { PortfolioRow } from '../src-shared/ipc/contract';

export function App() {
  const [rows, setRows] = useState<PortfolioRow[]>([]);
  useEffect(() => {
    void invoke('portfolio.list', {}).then((r) => setRows(r.rows));
  }, []);
  return <main><h1>Portfolio</h1><p>{rows.length} accounts</p></main>;
}

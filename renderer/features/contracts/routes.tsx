import { ContractsPage } from './ContractsPage';
import { DeadlinesPage } from './DeadlinesPage';

export const nav = { path: '/contracts', order: 40, labelKey: 'contracts:nav', icon: '▤' };
export const routes = [
  { path: 'contracts', element: <ContractsPage /> },
  { path: 'contracts/deadlines', element: <DeadlinesPage /> },
];

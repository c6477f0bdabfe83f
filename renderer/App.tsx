import { RouterProvider, createHashRouter, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppShell } from './components/AppShell';
import { ErrorNotice } from './components/ErrorNotice';
import { Loading } from './components/Loading';
import { ProfileChooser } from './features/profile/ProfileChooser';
import { BARE_ROUTES, SHELL_ROUTES } from './routes';
import { useSession } from './stores/session';

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </section>
  );
}

// Hash routing: the same URLs work from app:// in Electron and from the browser host, and a view
// (with its filters in the query) can be bookmarked.
const router = createHashRouter([
  ...BARE_ROUTES,
  {
    path: '/',
    element: <AppShell />,
    children: [...SHELL_ROUTES, { path: '*', element: <NotFound /> }],
  },
]);

export function App() {
  const status = useSession((s) => s.status);
  const error = useSession((s) => s.error);
  const profile = useSession((s) => s.profile);
  const load = useSession((s) => s.load);
  if (status === 'loading') return <Loading />;
  if (status === 'error' && error) {
    return (
      <div className="page">
        <ErrorNotice error={error} onRetry={() => void load()} />
      </div>
    );
  }
  if (!profile) return <ProfileChooser />;
  return <RouterProvider router={router} />;
}

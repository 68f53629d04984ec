/**
 * A host page in React 19: the session list, and a panel of the host's own for the session
 * picked. React passes the properties and listens to `session-select` natively.
 */
import { useState } from 'react';
import 'rensei-session-list'; // registers <rensei-session-list>
import type { Session, SessionSelectEvent } from 'rensei-session-list';

export interface AppProps {
  apiBase: string;
  token: string;
  project?: string;
  refreshInterval?: number;
}

export function App({ apiBase, token, project = 'web', refreshInterval = 15 }: AppProps) {
  const [picked, setPicked] = useState<Session | null>(null);

  function onSelect(event: SessionSelectEvent) {
    // Keep the widget from following a detail link: this page shows the session itself.
    event.preventDefault();
    setPicked(event.detail.session);
  }

  return (
    <div className="layout">
      <rensei-session-list
        apiBase={apiBase}
        token={token}
        project={project}
        refreshInterval={refreshInterval}
        selected={picked?.id ?? ''}
        onsession-select={onSelect}
      />
      <aside className="panel" aria-live="polite" data-picked={picked?.id ?? ''}>
        {picked ? (
          <>
            <h2>{picked.issueIdentifier ?? picked.id}</h2>
            <p>
              {picked.status} · {picked.workType ?? '—'} · {picked.provider ?? '—'}
            </p>
          </>
        ) : (
          <p>Pick a session.</p>
        )}
      </aside>
    </div>
  );
}

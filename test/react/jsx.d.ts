/**
 * `<rensei-session-list>` in JSX, for test/react/ (the README's snippet, importing from src/
 * instead of the package; examples/react/src/rensei-session-list.d.ts is the same for the
 * package, type-checked against the packed tarball by `npm run test:consumer`).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  FilterChangeEvent,
  RenseiSessionList,
  SessionSelectEvent,
  SessionsErrorEvent,
  SessionsLoadEvent,
} from '../../src/index.js';

type RenseiSessionListProps = DetailedHTMLProps<HTMLAttributes<RenseiSessionList>, RenseiSessionList> &
  Partial<
    Pick<
      RenseiSessionList,
      | 'project'
      | 'token'
      | 'apiBase'
      | 'status'
      | 'search'
      | 'health'
      | 'refreshInterval'
      | 'selected'
      | 'locale'
      | 'detailUrl'
      | 'syncUrl'
      | 'urlParamPrefix'
      | 'theme'
      | 'strings'
    >
  > & {
    'onsession-select'?: (event: SessionSelectEvent) => void;
    'onsessions-load'?: (event: SessionsLoadEvent) => void;
    'onsessions-error'?: (event: SessionsErrorEvent) => void;
    'onfilter-change'?: (event: FilterChangeEvent) => void;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'rensei-session-list': RenseiSessionListProps;
    }
  }
}

/**
 * `<rensei-session-list>` in React 19's JSX: its properties (React 19 sets them as properties,
 * so the token never lands in an attribute) and its events (`onsession-select` listens to
 * `session-select`), typed. Copy this file into your project as is.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  FilterChangeEvent,
  RenseiSessionList,
  SessionSelectEvent,
  SessionsErrorEvent,
  SessionsLoadEvent,
} from 'rensei-session-list';

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

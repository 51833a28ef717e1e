import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** Operations the core or the CRM refused, until dismissed. */
export function Notices() {
  const session = useSession();
  const notices = useStore(session.notices);
  return (
    <div role="alert" className="notices">
      {notices.map((notice) => (
        <p key={notice.id} className="notice">
          {notice.message}
          <button type="button" onClick={() => session.dismiss(notice.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}

import { dateTime } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

const statusLabel = {
  scheduled: 'scheduled',
  due: 'due',
  overdue: 'overdue',
  completed: 'done',
};

/** The agent's follow-ups from the ticket book: due and overdue on the centre's clock. */
export function FollowUps() {
  const { world, desk, run } = useSession();
  const { followUps } = useStore(world.book);
  const { profile } = desk.getSnapshot().agent;
  const mine = [...followUps.values()]
    .filter((followUp) => followUp.assignee === profile.id)
    .sort((a, b) => a.dueAt - b.dueAt);

  return (
    <section className="panel" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">Follow-ups</h2>
      {mine.length === 0 && <p className="muted">Nothing to follow up.</p>}
      <ul className="tickets">
        {mine.map((followUp) => (
          <li key={followUp.id} className="ticket">
            <div>
              <strong>{followUp.description || 'Follow up'}</strong>
              <div className="muted">
                {followUp.target.kind} {followUp.target.id} · due {dateTime(followUp.dueAt)} ·{' '}
                <span className={`pill pill-${followUp.status}`}>
                  {statusLabel[followUp.status]}
                </span>
              </div>
            </div>
            {followUp.status !== 'completed' && (
              <button
                type="button"
                aria-label={`Done: ${followUp.description}`}
                onClick={() =>
                  void run(() =>
                    world.book.completeFollowUp(followUp.id, {
                      id: profile.id,
                      roles: profile.roles,
                    }),
                  )
                }
              >
                Done
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

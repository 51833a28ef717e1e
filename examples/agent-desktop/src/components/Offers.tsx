import { channelLabel, duration, subjectOf } from '../format';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/** Contacts offered to the agent, to accept or decline before the offer lapses. */
export function Offers() {
  const { desk, world, run } = useSession();
  const { contacts } = useStore(desk);
  const now = useStore(world.now);
  const offers = contacts.filter((contact) => contact.status === 'offered');

  return (
    <section className="panel" aria-labelledby="offers-title">
      <h2 id="offers-title">Offers</h2>
      {offers.length === 0 && <p className="muted">Nothing offered right now.</p>}
      <ul className="cards" aria-live="polite">
        {offers.map((offer) => {
          const who = offer.customer.name ?? 'Unknown customer';
          return (
            <li key={offer.id} className={`card offer channel-${offer.channel}`}>
              <div>
                <span className="badge">{channelLabel[offer.channel]}</span> <strong>{who}</strong>
                <div className="muted">{subjectOf(offer)}</div>
                <div className="muted">Expires in {duration(offer.expiresAt - now)}</div>
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={`Accept ${channelLabel[offer.channel].toLowerCase()} from ${who}`}
                  onClick={() => void run(() => desk.accept(offer.id))}
                >
                  Accept
                </button>
                <button
                  type="button"
                  aria-label={`Decline ${channelLabel[offer.channel].toLowerCase()} from ${who}`}
                  onClick={() => void run(() => desk.reject(offer.id))}
                >
                  Decline
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

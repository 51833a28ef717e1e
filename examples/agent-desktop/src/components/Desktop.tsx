import { useState } from 'react';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';
import { AudioDevices } from './AudioDevices';
import { AutoAnswer } from './AutoAnswer';
import { ContactView } from './ContactView';
import { FollowUps } from './FollowUps';
import { InHand } from './InHand';
import { Kpis } from './Kpis';
import { Notices } from './Notices';
import { Offers } from './Offers';
import { StatusMenu } from './StatusMenu';
import { Supervisor } from './Supervisor';

/** The signed-in agent's screen: status, offers, contacts in hand, KPIs and supervision. */
export function Desktop({ onSignOut }: { onSignOut: () => void }) {
  const { desk, voice } = useSession();
  const { agent, contacts } = useStore(desk);
  const inHand = contacts.filter((contact) => contact.status !== 'offered');
  const [chosen, choose] = useState<string | null>(null);
  const current = inHand.find((contact) => contact.id === chosen) ?? inHand[0];

  return (
    <div className="desktop">
      <header className="topbar">
        <span className="brand">Switchboard</span>
        <span className="who">
          {agent.profile.name}
          <span className="muted"> · {voice.kind === 'sip' ? 'SIP phone' : 'simulated calls'}</span>
        </span>
        <StatusMenu />
        <AutoAnswer />
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <Notices />
      <main className="workspace">
        <div className="queue-column">
          <Offers />
          <InHand contacts={inHand} current={current?.id} onChoose={choose} />
        </div>
        <div className="contact-column">
          {current ? (
            <ContactView key={current.id} contact={current} />
          ) : (
            <section className="panel empty" aria-label="Contact">
              <p>
                No contact in hand.
                {agent.presence.status !== 'available' && ' Become available to receive offers.'}
              </p>
            </section>
          )}
        </div>
        <div className="side-column">
          <Kpis />
          <FollowUps />
          <AudioDevices />
          {agent.profile.roles.includes('supervisor') && <Supervisor />}
        </div>
      </main>
    </div>
  );
}

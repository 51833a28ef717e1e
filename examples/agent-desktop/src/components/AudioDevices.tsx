import type { AudioDevice, DeviceManager } from '@switchboard/softphone';
import { useSession } from '../sessionContext';
import { useStore } from '../useStore';

/**
 * Microphone and speaker (the softphone's `createDeviceManager`): listed from the browser, chosen
 * before or during a call; with a SIP line, a new choice switches the call's devices at once.
 */
export function AudioDevices() {
  const devices = useStore(useSession().devices);
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">Audio</h2>
      {devices ? (
        <DevicePickers devices={devices} />
      ) : (
        <p className="muted">This browser lists no audio devices here.</p>
      )}
    </section>
  );
}

function DevicePickers({ devices }: { devices: DeviceManager }) {
  const { run } = useSession();
  const state = useStore(devices);
  return (
    <>
      {state.permission !== 'granted' && (
        <p>
          <button type="button" onClick={() => void run(() => devices.requestPermission())}>
            Allow the microphone
          </button>{' '}
          <span className="muted">
            {state.permission === 'denied' ? 'Access was refused.' : 'Device names need it.'}
          </span>
        </p>
      )}
      <Picker
        label="Microphone"
        list={state.microphones}
        value={state.microphoneId}
        choose={(id) => void run(() => devices.selectMicrophone(id))}
      />
      <Picker
        label="Speaker"
        list={state.speakers}
        value={state.speakerId}
        choose={(id) => void run(() => devices.selectSpeaker(id))}
      />
    </>
  );
}

function Picker({
  label,
  list,
  value,
  choose,
}: {
  label: string;
  list: readonly AudioDevice[];
  value: string | null;
  choose: (id: string | null) => void;
}) {
  const id = `device-${label.toLowerCase()}`;
  return (
    <div className="field-row">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => choose(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">System default</option>
        {list.map((device, index) => (
          <option key={device.id || String(index)} value={device.id}>
            {device.label || `${label} ${String(index + 1)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

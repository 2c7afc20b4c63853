import { useMemo } from 'react';
import { useStore } from '../../store/index.js';
import { useT } from '../../useT.js';

/** Who is in the room, with counts of people, organisations and countries. */
export function RoomPanel() {
  const t = useT();
  const participants = useStore((s) => s.view?.participants);
  const list = useMemo(() => Object.values(participants ?? {}).sort((a, b) => a.joinedAt - b.joinedAt), [participants]);
  const orgs = new Set(list.map((p) => p.organisation?.toLowerCase()).filter(Boolean)).size;
  const countries = new Set(list.map((p) => p.country?.toLowerCase()).filter(Boolean)).size;
  return (
    <section className="panel room-panel" aria-labelledby="room-title">
      <h2 id="room-title">{t('inTheRoom')}</h2>
      <p className="counts" data-testid="room-counts">
        <strong>{t('people', { n: list.length })}</strong> · {t('organisations', { n: orgs })} · {t('countries', { n: countries })}
      </p>
      {list.length === 0 ? (
        <p className="muted">{t('nobodyYet')}</p>
      ) : (
        <ul className="people">
          {list.map((p) => (
            <li key={p.id}>
              <span className="person-name">{p.name}</span>
              <span className="muted">{[p.organisation, p.country].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

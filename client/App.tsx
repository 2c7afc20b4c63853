import { useEffect } from 'react';
import { ParticipantView } from './features/breakout/ParticipantView.js';
import { Console } from './features/facilitate/Console.js';
import { Home } from './features/home/Home.js';
import { Projector } from './features/projector/Projector.js';
import { Dashboard } from './features/coordinate/Dashboard.js';
import { usePath } from './router.js';
import { useLanguage } from './useT.js';

export function App() {
  const path = usePath();
  const lang = useLanguage();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const [, page, id] = path.split('/');
  switch (page) {
    case 'facilitate':
      return <Console key={id} sessionId={id} />;
    case 'projector':
      return <Projector key={id} sessionId={id} />;
    case 's':
      return <ParticipantView key={id} sessionId={id} />;
    case 'programme':
      return <Dashboard key={id} programmeId={id} />;
    case 'join':
      return <Home joinCode={id} />;
    default:
      return <Home />;
  }
}

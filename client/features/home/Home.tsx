import { useState } from 'react';
import { TopBar } from '../../components/TopBar.js';
import { CreateSessionForm, type Created } from './CreateSessionForm.js';
import { JoinForm } from './JoinForm.js';
import { KeyReveal } from './KeyReveal.js';
import { useT } from '../../useT.js';

export function Home({ joinCode }: { joinCode?: string }) {
  const t = useT();
  const [created, setCreated] = useState<Created | null>(null);
  if (created) return <KeyReveal created={created} />;
  return (
    <>
      <TopBar />
      <main className="home" id="main">
        <h1 className="tagline">{t('tagline')}</h1>
        <div className={`home-grid ${joinCode ? 'home-join-first' : ''}`}>
          <JoinForm initialCode={joinCode} />
          {!joinCode && <CreateSessionForm onCreated={setCreated} />}
        </div>
      </main>
    </>
  );
}

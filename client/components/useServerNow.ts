import { useEffect, useState } from 'react';
import { useStore } from '../store/index.js';

/** The server's clock, ticking every second (the offset comes from the last attach). */
export function useServerNow(): number {
  const offset = useStore((s) => s.clockOffset);
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const id = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(id);
  }, [offset]);
  return now;
}

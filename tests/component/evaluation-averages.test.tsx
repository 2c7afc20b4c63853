import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type DashboardData, EvaluationAverages } from '../../client/features/coordinate/Dashboard.js';

const session = (title: string, date: string, evaluation: DashboardData['sessions'][number]['evaluation']): DashboardData['sessions'][number] => ({
  sessionId: title,
  title,
  date,
  status: 'closed',
  facilitators: 1,
  participants: 10,
  byOrganisation: {},
  byCountry: {},
  groups: 2,
  answers: 20,
  evaluation,
});

describe("the dashboard's evaluation chart", () => {
  it('charts each evaluated session’s average on a scale of 5, and leaves out sessions without responses', () => {
    render(
      <EvaluationAverages
        sessions={[
          session('Gent', '2026-03-01', { responses: 12, average: 4.25 }),
          session('Lyon', '2026-05-01', null),
          session('Aarhus', '2026-06-01', { responses: 8, average: 3.5 }),
        ]}
      />,
    );
    const chart = screen.getByTestId('chart-evaluation');
    expect(chart.textContent).toContain('Average rating per session (1 to 5)');
    const bars = [...chart.querySelectorAll('rect[data-value]')];
    expect(bars.map((b) => b.getAttribute('data-value'))).toEqual(['4.3', '3.5']);
    // Full width stands for 5, not for the best session.
    // (the bars' span is 310 px: a 4.3 fills 4.3/5 of it, not all of it as the best row would by default).
    expect(Number(bars[0].getAttribute('width'))).toBeCloseTo((4.3 / 5) * 310, 0);
    expect(Number(bars[1].getAttribute('width')) / Number(bars[0].getAttribute('width'))).toBeCloseTo(3.5 / 4.3, 2);
  });

  it('shows nothing before any evaluation', () => {
    const { container } = render(<EvaluationAverages sessions={[session('Gent', '2026-03-01', null)]} />);
    expect(container.innerHTML).toBe('');
  });
});

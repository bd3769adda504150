import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HealthBreakdown } from '../../../src-renderer/components/HealthBreakdown';
import { useLocaleStore } from '../../../src-renderer/i18n/locale-store';
import { computeHealth } from '../../../src-shared/scoring/health';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from '../../../src-shared/scoring/scoring-config';

describe('the health explanation follows the team config the score was computed with', () => {
  it("states the team's own target, not the default one", () => {
    useLocaleStore.setState({ locale: 'en' });
    const team: ScoringConfig = {
      ...DEFAULT_SCORING_CONFIG,
      health: { ...DEFAULT_SCORING_CONFIG.health, curves: { ...DEFAULT_SCORING_CONFIG.health.curves, login_frequency: [[0, 0], [6, 70], [8, 100]] } },
    };
    const health = computeHealth({ login_frequency: 3 }, team);
    const withTeam = renderToStaticMarkup(createElement(HealthBreakdown, { health, config: team }));
    const withDefaults = renderToStaticMarkup(createElement(HealthBreakdown, { health, config: DEFAULT_SCORING_CONFIG }));
    expect(withTeam).toContain('the target is 6 to 8');
    expect(withDefaults).toContain('the target is 3 to 5');
  });
});

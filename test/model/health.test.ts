import { expect } from '@open-wc/testing';
import { deriveHealth, matchesHealthFilter, signalWords, type HealthColour } from '../../src/model/health.js';

describe('health: deriveHealth', () => {
  describe('the contract table, from healthStatus alone', () => {
    for (const colour of ['green', 'yellow', 'red'] as const) {
      it(`${colour} with no signals is ${colour}`, () => {
        expect(deriveHealth({ healthStatus: colour, stuckSignals: [] })).to.deep.equal({ colour, signals: [] });
        expect(deriveHealth({ healthStatus: colour })).to.deep.equal({ colour, signals: [] });
        expect(deriveHealth({ healthStatus: colour, stuckSignals: null })).to.deep.equal({ colour, signals: [] });
      });
    }
  });

  describe('the contract table, from signals alone', () => {
    it('LongRunning and StaleHeartbeat are advisory (yellow)', () => {
      expect(deriveHealth({ stuckSignals: ['LongRunning'] }).colour).to.equal('yellow');
      expect(deriveHealth({ stuckSignals: ['StaleHeartbeat'] }).colour).to.equal('yellow');
      expect(deriveHealth({ stuckSignals: ['LongRunning', 'StaleHeartbeat'] }).colour).to.equal('yellow');
    });
    it('ToolLoopStuck and ClaimStuck are blocking (red)', () => {
      expect(deriveHealth({ stuckSignals: ['ToolLoopStuck'] }).colour).to.equal('red');
      expect(deriveHealth({ stuckSignals: ['ClaimStuck'] }).colour).to.equal('red');
    });
    it('any blocking signal wins over advisory ones, in any order', () => {
      expect(deriveHealth({ stuckSignals: ['LongRunning', 'ClaimStuck'] }).colour).to.equal('red');
      expect(deriveHealth({ stuckSignals: ['ToolLoopStuck', 'StaleHeartbeat'] }).colour).to.equal('red');
    });
    it('an unknown signal counts as advisory', () => {
      expect(deriveHealth({ stuckSignals: ['QuantumFlux'] }).colour).to.equal('yellow');
      expect(deriveHealth({ healthStatus: 'green', stuckSignals: ['QuantumFlux'] }).colour).to.equal('yellow');
    });
    it('signal objects count like bare names', () => {
      expect(deriveHealth({ stuckSignals: [{ type: 'ToolLoopStuck' }] })).to.deep.equal({
        colour: 'red',
        signals: ['ToolLoopStuck'],
      });
      expect(deriveHealth({ stuckSignals: [{ type: 'LongRunning' }] })).to.deep.equal({
        colour: 'yellow',
        signals: ['LongRunning'],
      });
    });
    it('signal names are case-sensitive identifiers: a lower-cased blocking name is not blocking', () => {
      expect(deriveHealth({ stuckSignals: ['toolloopstuck'] }).colour).to.equal('yellow');
    });
  });

  describe('the worse of healthStatus and signals', () => {
    const cases: Array<[string, string[], HealthColour]> = [
      ['green', ['LongRunning'], 'yellow'],
      ['green', ['ToolLoopStuck'], 'red'],
      ['green', ['ClaimStuck'], 'red'],
      ['yellow', ['ToolLoopStuck'], 'red'],
      ['yellow', ['LongRunning'], 'yellow'],
      ['red', ['LongRunning'], 'red'],
      ['red', [], 'red'],
      ['yellow', [], 'yellow'],
    ];
    for (const [status, signals, expected] of cases) {
      it(`healthStatus ${status} + [${signals.join(', ')}] → ${expected}`, () => {
        expect(deriveHealth({ healthStatus: status, stuckSignals: signals }).colour).to.equal(expected);
      });
    }
    it('a blocking signal is never shown green', () => {
      const health = deriveHealth({ healthStatus: 'green', stuckSignals: ['ToolLoopStuck'] });
      expect(health.colour).to.equal('red');
      expect(health.signals).to.deep.equal(['ToolLoopStuck']);
    });
  });

  describe('unknown', () => {
    it('no health at all is unknown', () => {
      expect(deriveHealth(undefined)).to.deep.equal({ colour: 'unknown', signals: [] });
      expect(deriveHealth(null)).to.deep.equal({ colour: 'unknown', signals: [] });
    });
    it('neither a known healthStatus nor signals is unknown', () => {
      expect(deriveHealth({})).to.deep.equal({ colour: 'unknown', signals: [] });
      expect(deriveHealth({ healthStatus: null, stuckSignals: [] }).colour).to.equal('unknown');
      expect(deriveHealth({ healthStatus: 'purple', stuckSignals: [] }).colour).to.equal('unknown');
      expect(deriveHealth({ healthStatus: 'GREEN' }).colour).to.equal('unknown');
    });
    it('an unknown healthStatus word is ignored, the signals still count', () => {
      expect(deriveHealth({ healthStatus: 'purple', stuckSignals: ['LongRunning'] }).colour).to.equal('yellow');
      expect(deriveHealth({ healthStatus: 'purple', stuckSignals: ['ClaimStuck'] }).colour).to.equal('red');
    });
    it('blank signal names do not count', () => {
      expect(deriveHealth({ stuckSignals: ['', '   ', { type: '' }] })).to.deep.equal({
        colour: 'unknown',
        signals: [],
      });
      expect(deriveHealth({ healthStatus: 'green', stuckSignals: [' '] })).to.deep.equal({
        colour: 'green',
        signals: [],
      });
    });
  });

  describe('signals', () => {
    it('keeps names in order, without repeats (strings and objects alike)', () => {
      expect(
        deriveHealth({
          stuckSignals: [
            'LongRunning',
            { type: 'ToolLoopStuck' },
            'LongRunning',
            'ToolLoopStuck',
            { type: 'LongRunning' },
          ],
        }).signals,
      ).to.deep.equal(['LongRunning', 'ToolLoopStuck']);
    });
    it('does not mutate the session health', () => {
      const input = { healthStatus: 'green', stuckSignals: ['LongRunning', 'LongRunning'] };
      deriveHealth(input);
      expect(input.stuckSignals).to.deep.equal(['LongRunning', 'LongRunning']);
    });
  });
});

describe('health: signalWords', () => {
  it('splits PascalCase into words', () => {
    expect(signalWords('ToolLoopStuck')).to.equal('Tool Loop Stuck');
    expect(signalWords('LongRunning')).to.equal('Long Running');
    expect(signalWords('StaleHeartbeat')).to.equal('Stale Heartbeat');
    expect(signalWords('ClaimStuck')).to.equal('Claim Stuck');
  });
  it('turns snake_case and kebab-case into a sentence', () => {
    expect(signalWords('stale_heartbeat')).to.equal('Stale heartbeat');
    expect(signalWords('claim-stuck')).to.equal('Claim stuck');
    expect(signalWords('__tool__loop__')).to.equal('Tool loop');
  });
  it('keeps acronyms together', () => {
    expect(signalWords('HTTPTimeout')).to.equal('HTTP Timeout');
    expect(signalWords('SLAExceeded')).to.equal('SLA Exceeded');
  });
  it('splits after digits and handles one word', () => {
    expect(signalWords('Retry3Times')).to.equal('Retry3 Times');
    expect(signalWords('stuck')).to.equal('Stuck');
  });
  it('returns an empty string for an empty name', () => {
    expect(signalWords('')).to.equal('');
  });
});

describe('health: matchesHealthFilter', () => {
  const colours: HealthColour[] = ['green', 'yellow', 'red', 'unknown'];
  it('"" lets every colour through', () => {
    for (const colour of colours) expect(matchesHealthFilter(colour, '')).to.equal(true);
  });
  it('"attention" keeps yellow and red only', () => {
    expect(colours.filter((c) => matchesHealthFilter(c, 'attention'))).to.deep.equal(['yellow', 'red']);
  });
  it('"blocking" keeps red only', () => {
    expect(colours.filter((c) => matchesHealthFilter(c, 'blocking'))).to.deep.equal(['red']);
  });
  it('an unrecognised filter word filters nothing out', () => {
    for (const colour of colours) expect(matchesHealthFilter(colour, 'bogus')).to.equal(true);
  });
});

describe('health: shared health without signals', () => {
  const colours = ['green', 'yellow', 'red', 'unknown'] as const;

  it('is one object per colour, whatever the health looked like', () => {
    const green = deriveHealth({ healthStatus: 'green', stuckSignals: [] });
    expect(deriveHealth({ healthStatus: 'green' })).to.equal(green);
    expect(deriveHealth({ healthStatus: 'green', stuckSignals: null })).to.equal(green);
    // Signals that are all blank count as none.
    expect(deriveHealth({ healthStatus: 'green', stuckSignals: ['', ' '] })).to.equal(green);
    const unknown = deriveHealth(undefined);
    for (const health of [null, {}, { healthStatus: 'purple' }, { healthStatus: null, stuckSignals: [] }]) {
      expect(deriveHealth(health)).to.equal(unknown);
    }
    expect(new Set(colours.map((colour) => deriveHealth({ healthStatus: colour })))).to.have.property('size', 4);
  });

  it('is frozen, its signals too, so no row can change another row’s health', () => {
    for (const colour of colours) {
      const health = deriveHealth({ healthStatus: colour });
      expect(health).to.deep.equal({ colour, signals: [] });
      expect(Object.isFrozen(health), colour).to.equal(true);
      expect(Object.isFrozen(health.signals), colour).to.equal(true);
      expect(() => ((health as { colour: string }).colour = 'red')).to.throw(TypeError);
      expect(() => (health.signals as string[]).push('ClaimStuck')).to.throw(TypeError);
      expect(deriveHealth({ healthStatus: colour })).to.deep.equal({ colour, signals: [] });
    }
  });

  it('health with signals is a fresh object each time', () => {
    const first = deriveHealth({ stuckSignals: ['LongRunning'] });
    const second = deriveHealth({ stuckSignals: ['LongRunning'] });
    expect(first).to.not.equal(second);
    expect(first.signals).to.not.equal(second.signals);
    expect(Object.isFrozen(first)).to.equal(false);
  });
});

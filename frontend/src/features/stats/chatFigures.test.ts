import { describe, expect, it } from 'vitest';
import { aiShare, breaches, type ChatFigures } from './chatFigures';

const figures = (chats: number, aiOnly: number, firstResponseBreaches: number, resolutionBreaches: number): ChatFigures => ({
  chats, aiOnly, byPeople: chats - aiOnly, messages: 0, messagesPerChat: 0, rounds: 0, firstResponses: 0, averageFirstResponseSeconds: 0,
  resolved: 0, averageResolutionSeconds: 0, firstResponseBreaches, resolutionBreaches,
});

describe('chat figures', () => {
  it('adds both kinds of breach', () => {
    expect(breaches(figures(5, 1, 2, 3))).toBe(5);
  });

  it('gives the AI share with one decimal and 0 without chats', () => {
    expect(aiShare(figures(3, 1, 0, 0))).toBe(33.3);
    expect(aiShare(figures(0, 0, 0, 0))).toBe(0);
  });
});

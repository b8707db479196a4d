/** `ChatFigures` of `GET /api/stats/chats` and of the wallboard's `chatsToday`. */
export interface ChatFigures {
  chats: number;
  aiOnly: number;
  byPeople: number;
  messages: number;
  messagesPerChat: number;
  rounds: number;
  firstResponses: number;
  averageFirstResponseSeconds: number;
  resolved: number;
  averageResolutionSeconds: number;
  firstResponseBreaches: number;
  resolutionBreaches: number;
}

/** `GET /api/stats/chats`. */
export interface ChatReport {
  startDate: string;
  endDate: string;
  total: ChatFigures;
  operators: { operatorId: number; name: string; city: string | null; figures: ChatFigures }[];
  cities: { cityId: number | null; name: string | null; figures: ChatFigures }[];
  days: { day: string; figures: ChatFigures }[];
}

/** Breaches of both deadlines, as the wallboard and the tiles show them. */
export function breaches(figures: ChatFigures): number {
  return figures.firstResponseBreaches + figures.resolutionBreaches;
}

/** The share of chats the AI answered alone, in percent with one decimal; 0 without chats. */
export function aiShare(figures: ChatFigures): number {
  return figures.chats === 0 ? 0 : Math.round((figures.aiOnly * 1000) / figures.chats) / 10;
}

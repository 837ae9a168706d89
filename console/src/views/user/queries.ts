// The User 360 view's GraphQL documents, one per card, so a card the role may not see fails alone.
export const PROFILE = `query Profile($id: ID!) {
  user(id: $id) { id name age gender location friendCount }
  userProfile(userId: $id) {
    computedAt asOf
    basic { accountAgeDays }
    behaviour { recencyDays frequency monetary views carts purchases cancels sessions meanSessionMinutes viewToCartRate
      cartToPurchaseRate daysSinceLastActivity favouriteHour favouriteWeekday weekendShare }
    interest { categories { category { id name } score } tags { tag { id name } score } }
    social { friends followers following influence }
    value { pAlive churnRisk expectedPurchases90d expectedAverageValue clv rfm { r f m segment } }
    segments { id name kind description }
  }
}`;

export const RECOMMENDATIONS = `query Recs($id: ID!) {
  recommendations(userId: $id, first: 10) {
    strategy recommendationId experiment { key variant preview }
    edges { node { position score sources item { id title price categories { name } } reasons { kind text } } }
  }
}`;

export const JOURNEY = `query Journey($id: ID!) {
  journey(userId: $id) { currentState sessions { state at itemId } }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!) {
  user(id: $id) { id name
    friends(first: 25) { edges { node { id name } } }
    following(first: 25) { edges { node { id name } } }
    interactions(first: 40) { edges { node { item { id title } } } } }
}`;

export const TOP_CUSTOMERS = `query TopCustomers {
  customers(orderBy: CLV, first: 10) { edges { node { userId value { clv pAlive rfm { segment } } } } }
  users(first: 10) { edges { node { id name } } }
}`;

export interface ProfileData {
  user: { id: string; name: string | null; age: number | null; gender: string | null; location: string | null; friendCount: number } | null;
  userProfile: {
    computedAt: string | null; asOf: string | null;
    basic: { accountAgeDays: number | null };
    behaviour: { recencyDays: number | null; frequency: number; monetary: number; views: number; carts: number; purchases: number; cancels: number;
      sessions: number | null; meanSessionMinutes: number | null; viewToCartRate: number | null; cartToPurchaseRate: number | null;
      daysSinceLastActivity: number | null; favouriteHour: number | null; favouriteWeekday: number | null; weekendShare: number | null };
    interest: { categories: { category: { id: string; name: string | null }; score: number }[]; tags: { tag: { id: string; name: string | null }; score: number }[] };
    social: { friends: number; followers: number; following: number; influence: number | null };
    value: { pAlive: number | null; churnRisk: number | null; expectedPurchases90d: number | null; expectedAverageValue: number | null; clv: number | null;
      rfm: { r: number; f: number; m: number; segment: string } | null };
    segments: { id: string; name: string; kind: string; description: string }[];
  } | null;
}

export interface RecsData {
  recommendations: {
    strategy: string; recommendationId: string | null; experiment: { key: string; variant: string; preview: boolean } | null;
    edges: { node: { position: number; score: number; sources: string[]; item: { id: string; title: string | null; price: number | null; categories: { name: string | null }[] };
      reasons: { kind: string; text: string }[] } }[];
  };
}

export interface JourneyData { journey: { currentState: string; sessions: { state: string; at: string | null; itemId: string | null }[][] } }

export interface NeighbourhoodData {
  user: { id: string; name: string | null; friends: { edges: { node: { id: string; name: string | null } }[] };
    following: { edges: { node: { id: string; name: string | null } }[] };
    interactions: { edges: { node: { item: { id: string; title: string | null } } }[] } } | null;
}

export interface TopCustomersData {
  customers: { edges: { node: { userId: string; value: { clv: number | null; pAlive: number | null; rfm: { segment: string } | null } } }[] };
  users: { edges: { node: { id: string; name: string | null } }[] };
}

// The senior page's API answers (Apis/SeniorActivityViews.cs); times are ISO 8601 UTC.

export interface ActivityMinute { at: string; movement: number; worn: boolean }

export interface DayMinutes {
  seniorId: string; date: string; timeZone: string; from: string; to: string; stillCeiling: number;
  minutes: ActivityMinute[];
}

export interface DayActivity { date: string; wornMinutes: number; activeMinutes: number; longestStillMinutes: number }

export interface ActivityDays { seniorId: string; timeZone: string; stillCeiling: number; days: DayActivity[] }

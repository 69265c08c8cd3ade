//! Agent selection: qualified → available → least loaded / best rated, with the seed's overflow
//! rules, the P1 → senior guarantee and the repeat-customer familiarity bonus.
//!
//! One pass over the agents that can matter (the team, agents cross-trained for it, its backup
//! team, supervisors, and for P1 every senior), ranking each by a key compared field by field:
//!
//! 1. speaks the customer's language (relaxed only when nobody who does can be found);
//! 2. has the required skills, when the priority wants specialists (P2);
//! 3. meets the seniority the tier, rule or customer history asks for (relaxed the same way);
//! 4. comes from a regular pool, not a last resort (supervisors, any senior);
//! 5. can handle the ticket's complexity (e.g. L3 → experienced; the seniority each level
//!    handles is escalation data), unless a preference for juniors (P4, trial) caps it;
//! 6. is available now (free capacity, not busy or offline);
//! 7. the pool: supervisors first when every team is above 80 %, cross-trained agents first when
//!    the team is above 90 %, else team → cross-trained → backup team;
//! 8. is at or below the preferred seniority (P4 and trial → juniors);
//! 9. has the skills, when they are only preferred;
//! 10. a score: utilisation minus rating and familiarity bonuses; for agents who are not
//!     available, the minutes until they can pick the ticket up come first;
//! 11. the agent's position in the roster, so ties never depend on anything but the input.
//!
//! Agents below a strict minimum seniority (P1: senior) are never considered: that is the P1
//! guarantee. The best few are kept in a fixed array: the loop does not allocate.

use super::roster::{AgentStatus, Roster, Row, Seniority};
use super::rules::{SelectionPolicy, MAX_FALLBACK_AGENTS};
use serde::Serialize;

/// The chosen agent plus the fallbacks.
pub(crate) const MAX_PICKS: usize = MAX_FALLBACK_AGENTS + 1;

/// Where a chosen agent comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pool {
    /// The routed team.
    Team,
    /// Cross-trained for the routed team.
    CrossTrained,
    /// The routed team's backup team.
    Backup,
    /// A supervisor.
    Supervisor,
    /// A senior agent of any team (P1 only, as a last resort).
    AnySenior,
}

/// What to select for.
pub(crate) struct Request<'a> {
    pub team: Option<u32>,
    pub backup: Option<u32>,
    pub team_over: bool,
    pub all_over: bool,
    pub skills: u64,
    pub skills_required: bool,
    pub language: u8,
    pub hard_min: Option<Seniority>,
    pub soft_min: Option<Seniority>,
    /// The seniority the ticket's complexity needs (capped by `prefer_max`).
    pub capable_min: Option<Seniority>,
    pub prefer_max: Option<Seniority>,
    pub any_senior: bool,
    pub now: i64,
    pub familiar: &'a [(u32, f32)],
    pub want: usize,
    pub policy: &'a SelectionPolicy,
}

/// The ranking key, packed into one integer (lower is better) so that the hot loop compares
/// two machine words instead of eleven fields. From the most significant bits down:
/// language miss (1) · required skills missing (7) · below the wanted seniority (1) · last
/// resort (1) · not capable of the ticket's complexity (1) · unavailable (1) · pool rank (3) ·
/// above the preferred seniority (1) · preferred skills missing (7) · score (64, sign-flipped
/// so it orders as unsigned) · agent index (32).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Key(u128);

/// The parts of a key, most important first.
#[derive(Debug, Clone, Copy, Default)]
struct Rank {
    language_miss: bool,
    skills_required: u32,
    below_min: bool,
    last_resort: bool,
    incapable: bool,
    unavailable: bool,
    pool: u8,
    above_preference: bool,
    skills_preferred: u32,
    score: i64,
    agent: u32,
}

impl Key {
    fn new(r: Rank) -> Key {
        let bit = |b: bool, at: u32| u128::from(b) << at;
        Key(bit(r.language_miss, 118)
            | u128::from(r.skills_required.min(127)) << 111
            | bit(r.below_min, 110)
            | bit(r.last_resort, 109)
            | bit(r.incapable, 108)
            | bit(r.unavailable, 107)
            | u128::from(r.pool & 7) << 104
            | bit(r.above_preference, 103)
            | u128::from(r.skills_preferred.min(127)) << 96
            | u128::from(r.score as u64 ^ (1 << 63)) << 32
            | u128::from(r.agent))
    }
}

/// One candidate with what was found out about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pick {
    pub agent: u32,
    pub pool: Pool,
    pub available: bool,
    pub eta: u32,
    pub language_miss: bool,
    pub skills_missing: u32,
    pub below_min: bool,
    pub incapable: bool,
    pub above_preference: bool,
    pub familiar: bool,
    key: Key,
}

const NO_PICK: Pick = Pick {
    agent: 0,
    pool: Pool::Team,
    available: false,
    eta: 0,
    language_miss: false,
    skills_missing: 0,
    below_min: false,
    incapable: false,
    above_preference: false,
    familiar: false,
    key: Key(0),
};

/// The best candidates, best first.
pub(crate) struct Picks {
    items: [Pick; MAX_PICKS],
    len: usize,
}

impl Picks {
    pub fn as_slice(&self) -> &[Pick] {
        &self.items[..self.len]
    }

    /// Whether no candidate with a key of at least `floor` can enter the best `want`.
    fn closed_below(&self, floor: Key, want: usize) -> bool {
        self.len == want.clamp(1, MAX_PICKS) && self.items[self.len - 1].key < floor
    }

    fn offer(&mut self, pick: Pick, want: usize) {
        let want = want.clamp(1, MAX_PICKS);
        if self.len == want {
            if pick.key >= self.items[want - 1].key {
                return;
            }
            self.len -= 1;
        }
        let mut i = self.len;
        while i > 0 && pick.key < self.items[i - 1].key {
            self.items[i] = self.items[i - 1];
            i -= 1;
        }
        self.items[i] = pick;
        self.len += 1;
    }
}

/// The best `want` agents for a request.
pub(crate) fn select(roster: &Roster, req: &Request<'_>) -> Picks {
    let mut picks = Picks { items: [NO_PICK; MAX_PICKS], len: 0 };
    // A pool is skipped when even its best conceivable candidate (qualified, available, best
    // score) would not enter the list: on a large roster the team's own agents usually fill it,
    // and the backup team and supervisors need not be looked at. The answer is the same.
    let skip = |picks: &Picks, pool: Pool| {
        let (last_resort, rank) = pool_rank(pool, req);
        picks.closed_below(
            Key::new(Rank { last_resort, pool: rank, score: i64::MIN, ..Rank::default() }),
            req.want,
        )
    };
    let cross_for_team = |row: &Row| req.team.is_some_and(|t| row.cross.contains(&t));
    let team = req.team.map(|t| &roster.teams[t as usize]);
    // The pool ranked first goes first, so that it fills the list and the others can be skipped.
    let cross_first = req.team_over;
    for pass in 0..2 {
        let Some(team) = team else { break };
        let cross = (pass == 0) == cross_first;
        let (pool, members) =
            if cross { (Pool::CrossTrained, &team.cross_trained) } else { (Pool::Team, &team.members) };
        if !skip(&picks, pool) {
            for &i in members {
                consider(roster, req, i, pool, &mut picks);
            }
        }
    }
    if let Some(b) = req.backup.filter(|&b| Some(b) != req.team) {
        if !skip(&picks, Pool::Backup) {
            for &i in &roster.teams[b as usize].members {
                if !cross_for_team(&roster.rows[i as usize]) {
                    consider(roster, req, i, Pool::Backup, &mut picks);
                }
            }
        }
    }
    let seen = |row: &Row| Some(row.team) == req.team || Some(row.team) == req.backup || cross_for_team(row);
    if !skip(&picks, Pool::Supervisor) {
        for &i in &roster.supervisors {
            if !seen(&roster.rows[i as usize]) {
                consider(roster, req, i, Pool::Supervisor, &mut picks);
            }
        }
    }
    if req.any_senior && !skip(&picks, Pool::AnySenior) {
        for &i in &roster.seniors {
            let row = &roster.rows[i as usize];
            if !row.supervisor && !seen(row) {
                consider(roster, req, i, Pool::AnySenior, &mut picks);
            }
        }
    }
    picks
}

/// Where a pool ranks: (last resort?, rank).
fn pool_rank(pool: Pool, req: &Request<'_>) -> (bool, u8) {
    match pool {
        Pool::Supervisor if req.all_over => (false, 0),
        Pool::CrossTrained if req.team_over => (false, 1),
        Pool::Team => (false, 2),
        Pool::CrossTrained => (false, 3),
        Pool::Backup => (false, 4),
        Pool::Supervisor => (true, 5),
        Pool::AnySenior => (true, 6),
    }
}

fn consider(roster: &Roster, req: &Request<'_>, i: u32, pool: Pool, picks: &mut Picks) {
    let row = &roster.rows[i as usize];
    if req.hard_min.is_some_and(|min| row.seniority < min) {
        return;
    }
    let p = req.policy;
    let back = row.returns_at.is_some_and(|t| t <= req.now);
    let minutes_until = |t: i64| u32::try_from((t.saturating_sub(req.now)).max(0) / 60).unwrap_or(u32::MAX);
    let status = if back { AgentStatus::Available } else { row.status };
    let (available, wait) = match status {
        AgentStatus::Available if row.load < row.capacity => {
            (true, row.load.saturating_mul(p.minutes_per_open_ticket))
        }
        AgentStatus::Available => {
            (false, (row.load - row.capacity + 1).saturating_mul(p.minutes_per_open_ticket))
        }
        AgentStatus::Busy => (false, row.returns_at.map_or(p.busy_default_minutes, minutes_until)),
        AgentStatus::Offline => match row.returns_at {
            Some(t) => (false, minutes_until(t)),
            None => return,
        },
    };
    let eta = wait.saturating_add(p.pickup_minutes);
    let language_miss = req.language != 0 && row.languages & req.language == 0;
    let skills_missing = (req.skills & !row.skills).count_ones();
    let below_min = req.soft_min.is_some_and(|min| row.seniority < min);
    let above_preference = req.prefer_max.is_some_and(|max| row.seniority > max);
    let bonus = req.familiar.iter().find(|(a, _)| *a == i).map_or(0.0, |(_, b)| *b);
    let utilisation = row.load as f32 / row.capacity as f32;
    let merit = utilisation - row.rating / 5.0 * p.rating_weight - bonus;
    let mut score = (merit * 1000.0) as i64;
    if !available {
        score += i64::from(eta) * 10_000;
    }
    let (last_resort, pool_rank) = pool_rank(pool, req);
    let incapable = req.capable_min.is_some_and(|min| row.seniority < min);
    let key = Key::new(Rank {
        language_miss,
        skills_required: if req.skills_required { skills_missing } else { 0 },
        below_min,
        last_resort,
        incapable,
        unavailable: !available,
        pool: pool_rank,
        above_preference,
        skills_preferred: if req.skills_required { 0 } else { skills_missing },
        score,
        agent: i,
    });
    let familiar = bonus > 0.0;
    let pick = Pick {
        agent: i,
        pool,
        available,
        eta,
        language_miss,
        skills_missing,
        below_min,
        incapable,
        above_preference,
        familiar,
        key,
    };
    picks.offer(pick, req.want);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_keeps_the_best_in_order() {
        let mut picks = Picks { items: [NO_PICK; MAX_PICKS], len: 0 };
        for (n, score) in [5, 3, 9, 1, 7, 3].into_iter().enumerate() {
            let mut p = NO_PICK;
            p.agent = n as u32;
            p.key = Key::new(Rank { score, agent: n as u32, ..Rank::default() });
            picks.offer(p, 3);
        }
        let got: Vec<u32> = picks.as_slice().iter().map(|p| p.agent).collect();
        assert_eq!(got, [3, 1, 5]);
    }
}

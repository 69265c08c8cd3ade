//! The roster: agents with their skills, languages, seniority, load and status, indexed on load
//! (by team, cross-training, supervisors, seniors; skills and languages as bit sets) so that
//! routing one ticket scans only the agents that can matter, without allocating.

use super::error::RoutingError;
use super::time::{clamp, opt_unix_seconds};
use crate::labels::label_enum;
use crate::text::Language;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

const SOURCE: &str = "roster";
/// Skills are a 64-bit set per agent; a roster with more distinct skills is refused.
pub const MAX_SKILLS: usize = 64;

label_enum! {
    /// How senior an agent is (ordered: junior < intermediate < experienced < senior).
    Seniority {
        /// New to the job: FAQ and simple instructions.
        Junior = "junior",
        /// Configuration and troubleshooting.
        Intermediate = "intermediate",
        /// Complex technical issues.
        Experienced = "experienced",
        /// The most senior agents (the only ones who take P1 tickets).
        Senior = "senior",
    }
}

label_enum! {
    /// Whether an agent can take a ticket now.
    AgentStatus {
        /// Working and taking tickets.
        Available = "available",
        /// Working but occupied (in a call, on a break) until `returns_at`.
        Busy = "busy",
        /// Not working (off shift, on leave) until `returns_at`, if known.
        Offline = "offline",
    }
}

fn available() -> AgentStatus {
    AgentStatus::Available
}

/// One agent of the roster.
///
/// ```
/// use helpdesk_ai::routing::{Agent, AgentStatus, Seniority};
/// let a: Agent = serde_json::from_str(r#"{"id": "a1", "name": "Alexey", "team": "technical",
///     "skills": ["integration", "api"], "languages": ["ru", "en"], "seniority": "senior",
///     "rating": 4.8, "load": 6, "capacity": 10}"#).unwrap();
/// assert_eq!((a.status, a.seniority), (AgentStatus::Available, Seniority::Senior));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agent {
    /// A unique id.
    pub id: String,
    /// The name shown to customers.
    pub name: String,
    /// The agent's own team.
    pub team: String,
    /// Skills, e.g. `integration`, `billing` (compared case-insensitively).
    #[serde(default)]
    pub skills: Vec<String>,
    /// Languages the agent answers in, ISO 639-1 (`en`, `ru`, …); at least one.
    pub languages: Vec<String>,
    /// Seniority.
    pub seniority: Seniority,
    /// Customer rating, 0 … 5.
    #[serde(default)]
    pub rating: f32,
    /// Tickets the agent has open now.
    #[serde(default)]
    pub load: u32,
    /// How many open tickets the agent can carry (at least 1).
    pub capacity: u32,
    /// Status; `available` when not given.
    #[serde(default = "available")]
    pub status: AgentStatus,
    /// When a busy or offline agent is back, if known.
    #[serde(default, with = "opt_unix_seconds", skip_serializing_if = "Option::is_none")]
    pub returns_at: Option<i64>,
    /// Other teams whose tickets the agent is trained to take when those teams overflow.
    #[serde(default)]
    pub cross_trained: Vec<String>,
    /// A team supervisor (takes tickets when every team is overloaded).
    #[serde(default)]
    pub supervisor: bool,
}

/// The hot part of an agent, compact for the selection loop.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub skills: u64,
    pub languages: u8,
    pub seniority: Seniority,
    pub supervisor: bool,
    pub status: AgentStatus,
    pub load: u32,
    pub capacity: u32,
    pub rating: f32,
    pub returns_at: Option<i64>,
    pub team: u32,
    pub cross: Box<[u32]>,
}

/// A team as the roster knows it: members, agents cross-trained for it, and its load.
#[derive(Debug, Clone, Default)]
pub(crate) struct TeamIndex {
    pub name: String,
    pub members: Vec<u32>,
    pub cross_trained: Vec<u32>,
    pub load: u64,
    pub capacity: u64,
}

/// The agents routing can choose from, validated and indexed.
///
/// ```
/// use helpdesk_ai::routing::Roster;
/// let roster = Roster::from_json(helpdesk_ai::routing::SAMPLE_ROSTER_JSON).unwrap();
/// assert_eq!(roster.len(), 12);
/// assert!(roster.team_utilisation("technical").unwrap() > 0.5);
/// let err = Roster::from_json(r#"[{"id": "x", "name": "X", "team": "t", "languages": ["en"],
///     "seniority": "junior", "capacity": 0}]"#).unwrap_err();
/// assert_eq!(err.to_string(), "roster: agent 1 (\"x\"): capacity must be at least 1");
/// ```
#[derive(Debug, Clone)]
pub struct Roster {
    agents: Vec<Agent>,
    pub(crate) rows: Vec<Row>,
    pub(crate) teams: Vec<TeamIndex>,
    team_ids: HashMap<String, u32>,
    skills: HashMap<String, u32>,
    by_id: HashMap<String, u32>,
    pub(crate) supervisors: Vec<u32>,
    pub(crate) seniors: Vec<u32>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRoster {
    List(Vec<serde_json::Value>),
    Object { agents: Vec<serde_json::Value> },
}

impl Roster {
    /// Loads a roster: a JSON array of agents, or `{"agents": [...]}`. Errors name the agent.
    pub fn from_json(json: &str) -> Result<Roster, RoutingError> {
        let raw: RawRoster = serde_json::from_str(json).map_err(|e| {
            RoutingError::json(SOURCE, "", &e).with_hint("expected an array of agents or {\"agents\": [...]}")
        })?;
        let (RawRoster::List(values) | RawRoster::Object { agents: values }) = raw;
        let mut agents = Vec::with_capacity(values.len());
        for (i, v) in values.into_iter().enumerate() {
            let item = agent_item(i, v.get("id").and_then(|id| id.as_str()));
            agents
                .push(serde_json::from_value::<Agent>(v).map_err(|e| RoutingError::json(SOURCE, item, &e))?);
        }
        Roster::new(agents)
    }

    /// Validates and indexes a list of agents.
    pub fn new(agents: Vec<Agent>) -> Result<Roster, RoutingError> {
        let mut roster = Roster {
            agents: Vec::new(),
            rows: Vec::with_capacity(agents.len()),
            teams: Vec::new(),
            team_ids: HashMap::default(),
            skills: HashMap::default(),
            by_id: HashMap::default(),
            supervisors: Vec::new(),
            seniors: Vec::new(),
        };
        if agents.len() > u32::MAX as usize / 2 {
            return Err(RoutingError::new(SOURCE, "", "too many agents"));
        }
        for (i, agent) in agents.iter().enumerate() {
            let idx = i as u32;
            let err = |m: String| RoutingError::new(SOURCE, agent_item(i, Some(&agent.id)), m);
            if agent.id.trim().is_empty() {
                return Err(err("the id is empty".into()));
            }
            if roster.by_id.insert(agent.id.clone(), idx).is_some() {
                return Err(err("the id is used twice".into()));
            }
            if agent.name.trim().is_empty() || agent.team.trim().is_empty() {
                return Err(err("name and team must not be empty".into()));
            }
            if agent.capacity == 0 {
                return Err(err("capacity must be at least 1".into()));
            }
            if agent.capacity > 100_000 || agent.load > 100_000 {
                return Err(err("load and capacity must be at most 100000".into()));
            }
            if !(agent.rating.is_finite() && (0.0..=5.0).contains(&agent.rating)) {
                return Err(err(format!("rating {} is not between 0 and 5", agent.rating)));
            }
            if agent.languages.is_empty() {
                return Err(err("at least one language is needed".into()));
            }
            let mut languages = 0u8;
            for l in &agent.languages {
                let code = l.trim().to_ascii_lowercase();
                if !(2..=3).contains(&code.len()) || !code.bytes().all(|c| c.is_ascii_lowercase()) {
                    return Err(err(format!("language {l:?} is not an ISO 639-1 code")));
                }
                languages |= language_bit(Language::from_code(&code));
            }
            let mut skills = 0u64;
            for s in &agent.skills {
                let name = s.trim().to_lowercase();
                if name.is_empty() {
                    return Err(err("an empty skill".into()));
                }
                let next = roster.skills.len() as u32;
                let bit = *roster.skills.entry(name).or_insert(next);
                if bit as usize >= MAX_SKILLS {
                    return Err(err(format!("more than {MAX_SKILLS} distinct skills on the roster")));
                }
                skills |= 1 << bit;
            }
            let team = roster.team_index(agent.team.trim());
            let mut cross: Vec<u32> = Vec::new();
            for t in &agent.cross_trained {
                let t = roster.team_index(t.trim());
                if t != team && !cross.contains(&t) {
                    cross.push(t);
                    roster.teams[t as usize].cross_trained.push(idx);
                }
            }
            let entry = &mut roster.teams[team as usize];
            entry.members.push(idx);
            if agent.status != AgentStatus::Offline {
                entry.load += u64::from(agent.load);
                entry.capacity += u64::from(agent.capacity);
            }
            if agent.supervisor {
                roster.supervisors.push(idx);
            }
            if agent.seniority == Seniority::Senior {
                roster.seniors.push(idx);
            }
            roster.rows.push(Row {
                skills,
                languages,
                seniority: agent.seniority,
                supervisor: agent.supervisor,
                status: agent.status,
                load: agent.load,
                capacity: agent.capacity,
                rating: agent.rating,
                returns_at: agent.returns_at.map(clamp),
                team,
                cross: cross.into_boxed_slice(),
            });
        }
        roster.agents = agents;
        Ok(roster)
    }

    fn team_index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.team_ids.get(name) {
            return i;
        }
        let i = self.teams.len() as u32;
        self.team_ids.insert(name.to_string(), i);
        self.teams.push(TeamIndex { name: name.to_string(), ..TeamIndex::default() });
        i
    }

    /// The agents, in the order given.
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// The number of agents.
    pub fn len(&self) -> usize {
        self.agents.len()
    }

    /// Whether the roster has no agents.
    pub fn is_empty(&self) -> bool {
        self.agents.is_empty()
    }

    /// The teams the roster knows (own teams and teams agents are cross-trained for), in order
    /// of first mention.
    pub fn teams(&self) -> impl Iterator<Item = &str> {
        self.teams.iter().map(|t| t.name.as_str())
    }

    /// An agent by id.
    pub fn agent(&self, id: &str) -> Option<&Agent> {
        self.by_id.get(id).map(|&i| &self.agents[i as usize])
    }

    /// A team's load as a share of its capacity, 0 … (above 1 when overloaded), counting
    /// agents who are not offline; `None` for a team the roster does not know. A team whose
    /// agents are all offline counts as full.
    pub fn team_utilisation(&self, team: &str) -> Option<f64> {
        self.team_ids.get(team).map(|&t| self.utilisation(t))
    }

    pub(crate) fn utilisation(&self, team: u32) -> f64 {
        let t = &self.teams[team as usize];
        if t.capacity == 0 {
            1.0
        } else {
            t.load as f64 / t.capacity as f64
        }
    }

    /// Whether a team has capacity on shift (members who are not offline).
    pub(crate) fn on_shift(&self, team: u32) -> bool {
        self.teams[team as usize].capacity > 0
    }

    /// Whether every team with members is above the given utilisation.
    pub(crate) fn all_teams_above(&self, share: f64) -> bool {
        let mut any = false;
        for (i, t) in self.teams.iter().enumerate() {
            if !t.members.is_empty() {
                any = true;
                if self.utilisation(i as u32) <= share {
                    return false;
                }
            }
        }
        any
    }

    pub(crate) fn team_id(&self, name: &str) -> Option<u32> {
        self.team_ids.get(name).copied()
    }

    pub(crate) fn skill_bit(&self, skill: &str) -> Option<u32> {
        self.skills.get(skill).copied()
    }

    pub(crate) fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }
}

/// The language bit of an agent or a ticket (`und` has none: anybody will do).
pub(crate) fn language_bit(language: Language) -> u8 {
    match language {
        Language::En => 1,
        Language::Ru => 2,
        Language::Und => 0,
    }
}

fn agent_item(i: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("agent {} ({:?})", i + 1, id.chars().take(60).collect::<String>()),
        None => format!("agent {}", i + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_roster_loads_and_indexes() {
        let r = Roster::from_json(super::super::SAMPLE_ROSTER_JSON).expect("sample roster");
        assert!(r.len() >= 12);
        let teams: Vec<&str> = r.teams().collect();
        for t in ["technical", "billing", "general"] {
            assert!(teams.contains(&t), "{teams:?}");
        }
        assert!(!r.supervisors.is_empty() && !r.seniors.is_empty());
        let tech = r.team_id("senior_technical").unwrap();
        assert!(!r.teams[tech as usize].cross_trained.is_empty());
    }

    #[test]
    fn bad_agents_are_named() {
        let agent = |extra: &str| {
            format!(
                r#"[{{"id": "a", "name": "A", "team": "t", "languages": ["en"], "seniority": "junior", "capacity": 5{extra}}}]"#
            )
        };
        let cases = [
            (agent(", \"rating\": 7"), "rating 7 is not between 0 and 5"),
            (
                agent(", \"languages\": []").replace("\"languages\": [\"en\"], ", ""),
                "at least one language is needed",
            ),
            (agent(", \"skills\": [\" \"]"), "an empty skill"),
            (
                agent(", \"seniority\": \"guru\"").replace("\"seniority\": \"junior\", ", ""),
                "unknown variant `guru`",
            ),
            (agent(", \"status\": \"away\""), "unknown variant `away`"),
            (agent("").replace("\"a\"", "\"\""), "the id is empty"),
        ];
        for (json, message) in cases {
            let err = Roster::from_json(&json).unwrap_err();
            assert!(err.item.starts_with("agent 1"), "{err}");
            assert!(err.message.contains(message), "{err}");
        }
        let twice = format!("[{0},{0}]", &agent("")[1..agent("").len() - 1]);
        assert_eq!(
            Roster::from_json(&twice).unwrap_err().to_string(),
            "roster: agent 2 (\"a\"): the id is used twice"
        );
        assert!(Roster::from_json("{\"agent\": []}").is_err());
        assert!(Roster::from_json("[]").unwrap().is_empty());
        let many: Vec<String> = (0..65).map(|i| format!("\"s{i}\"")).collect();
        let err = Roster::from_json(&agent(&format!(", \"skills\": [{}]", many.join(",")))).unwrap_err();
        assert!(err.message.contains("distinct skills"), "{err}");
    }
}

//! Routing rules as data: teams, the ordered rules (first match wins, a fallback always
//! matches), the seed's priority and tier policies, what each classifier decision changes,
//! resolution targets, and the weights of agent selection. Everything is validated on load,
//! and every error names the rule or section at fault.

use super::error::RoutingError;
use super::input::{Channel, RoutingInput, Tier};
use super::reply::Templates;
use super::roster::Seniority;
use crate::labels::{Area, Category, Complexity, Priority};
use crate::text::Language;
use crate::triage::Decision;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

const SOURCE: &str = "rules";
/// The longest SLA or resolution target a rule may set: a year.
pub(crate) const MAX_MINUTES: u32 = 525_600;
/// At most this many fallback agents are listed.
pub(crate) const MAX_FALLBACK_AGENTS: usize = 7;
const DECISIONS: [(&str, Decision); 3] =
    [("auto", Decision::Auto), ("suggest", Decision::Suggest), ("manual", Decision::Manual)];
const LANGUAGES: [(&str, Language); 3] = [("en", Language::En), ("ru", Language::Ru), ("und", Language::Und)];

/// A team tickets are routed to.
#[derive(Debug, Clone)]
pub(crate) struct Team {
    pub id: String,
    /// Its name in English and Russian (for replies and reasons).
    pub name: [String; 2],
    /// Its support level, an index into the escalation levels.
    pub level: usize,
    /// The team whose agents take its tickets when it has none (e.g. no senior technical team on
    /// a small roster → technical).
    pub backup: Option<usize>,
}

impl Team {
    pub fn name(&self, language: Language) -> &str {
        &self.name[usize::from(language == Language::Ru)]
    }
}

/// What a priority demands (the seed: P1 → senior agents only, P2 → available specialists,
/// P3 → any qualified agent, P4 → junior agents or the queue).
#[derive(Debug, Clone)]
pub(crate) struct PriorityPolicy {
    pub first_response: u32,
    pub resolution_max: Option<u32>,
    /// Strict: never relaxed (the P1 senior guarantee).
    pub min_seniority: Option<Seniority>,
    /// Preferred ceiling (P4 → juniors), dropped when the tier asks for more seniority.
    pub max_seniority: Option<Seniority>,
    /// Specialists only: agents with every required skill rank before any without.
    pub skills_required: bool,
    /// Queue rather than assign a busy agent or one above `max_seniority`.
    pub queue_when_unavailable: bool,
    pub round_the_clock: bool,
    /// Whether knowledge-base-first (self-service) routing is allowed at this priority.
    pub self_service: bool,
    pub note: String,
}

/// What a customer tier changes (enterprise → senior, premium → experienced, trial → junior or
/// self-service), and how it scales the SLA.
#[derive(Debug, Clone)]
pub(crate) struct TierPolicy {
    pub sla_percent: u32,
    /// Wanted seniority: relaxed, with a reason, when no such agent can be found.
    pub min_seniority: Option<Seniority>,
    pub max_seniority: Option<Seniority>,
    pub self_service_first: bool,
    pub round_the_clock: bool,
    pub note: String,
}

/// What a classifier decision changes.
#[derive(Debug, Clone)]
pub(crate) struct DecisionPolicy {
    /// Whether an agent is chosen (manual review sends the ticket to a queue first).
    pub assign: bool,
    /// The team instead of the rule's (e.g. triage for manual classification).
    pub team: Option<usize>,
    /// The reply template instead of the rule's (e.g. a neutral acknowledgement when the
    /// category may be wrong).
    pub reply: Option<usize>,
    pub note: String,
}

/// One routing rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub id: String,
    /// Bit sets of the labels it matches: category, area, priority, complexity, language,
    /// tier, channel.
    masks: [u32; 7],
    pub team: usize,
    pub first_response: u32,
    pub skills: Vec<String>,
    pub self_service_first: bool,
    pub reply: usize,
    pub min_seniority: Option<Seniority>,
    pub note: String,
}

impl Rule {
    fn matches(&self, input: &RoutingInput) -> bool {
        let bits = input_bits(input);
        self.masks.iter().zip(bits).all(|(m, b)| m & b != 0)
    }
}

fn input_bits(input: &RoutingInput) -> [u32; 7] {
    let language = LANGUAGES.iter().position(|(_, l)| *l == input.language).unwrap_or(2);
    [
        1 << (input.category as u32),
        1 << (input.area as u32),
        1 << (input.priority as u32),
        1 << (input.complexity as u32),
        1 << language,
        1 << (input.tier as u32),
        1 << (input.channel as u32),
    ]
}

/// Weights and thresholds of agent selection.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct SelectionPolicy {
    /// How much a perfect rating (5/5) counts against a full load (1.0).
    pub rating_weight: f32,
    pub fallback_agents: usize,
    /// Minutes an available agent needs to pick a ticket up.
    pub pickup_minutes: u32,
    /// Extra minutes per ticket the agent already has open.
    pub minutes_per_open_ticket: u32,
    /// Minutes a busy agent with no return time is assumed to need.
    pub busy_default_minutes: u32,
    /// A team above this utilisation overflows to cross-trained agents (seed: 90 %).
    pub team_overflow_percent: u32,
    /// When every team is above this utilisation, supervisors take tickets (seed: 80 %).
    pub all_teams_supervisor_percent: u32,
    pub note: Option<String>,
}

impl Default for SelectionPolicy {
    fn default() -> Self {
        SelectionPolicy {
            rating_weight: 0.2,
            fallback_agents: 3,
            pickup_minutes: 5,
            minutes_per_open_ticket: 3,
            busy_default_minutes: 30,
            team_overflow_percent: 90,
            all_teams_supervisor_percent: 80,
            note: None,
        }
    }
}

/// Repeat-customer routing.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct HistoryPolicy {
    /// The bonus of an agent who resolved this customer's tickets before, in load units
    /// (0.25 = as good as a quarter less load).
    pub familiarity_bonus: f32,
    /// This many escalated tickets in the history → an experienced agent.
    pub experienced_after_escalations: u32,
    /// This many L3/L4 tickets in the history → an experienced agent.
    pub experienced_after_complex: u32,
    pub note: Option<String>,
}

impl Default for HistoryPolicy {
    fn default() -> Self {
        HistoryPolicy {
            familiarity_bonus: 0.25,
            experienced_after_escalations: 2,
            experienced_after_complex: 2,
            note: None,
        }
    }
}

/// The whole rule set.
#[derive(Debug, Clone)]
pub(crate) struct RuleSet {
    pub teams: Vec<Team>,
    pub area_skills: [Vec<String>; 6],
    pub priorities: [PriorityPolicy; 4],
    pub tiers: [TierPolicy; 4],
    pub decisions: [DecisionPolicy; 3],
    pub resolution: [u32; 4],
    pub history: HistoryPolicy,
    pub selection: SelectionPolicy,
    pub rules: Vec<Rule>,
    pub fallback: Rule,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    #[serde(default)]
    note: Option<String>,
    teams: Vec<Value>,
    #[serde(default)]
    area_skills: BTreeMap<String, Vec<String>>,
    priorities: BTreeMap<String, Value>,
    tiers: BTreeMap<String, Value>,
    decisions: BTreeMap<String, Value>,
    resolution_minutes: BTreeMap<String, u32>,
    #[serde(default)]
    history: Option<Value>,
    #[serde(default)]
    selection: Option<Value>,
    rules: Vec<Value>,
    fallback: Value,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    ByLanguage(BTreeMap<String, String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTeam {
    id: String,
    name: Names,
    level: String,
    #[serde(default)]
    backup: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriority {
    first_response_minutes: u32,
    #[serde(default)]
    resolution_max_minutes: Option<u32>,
    #[serde(default)]
    min_seniority: Option<String>,
    #[serde(default)]
    max_seniority: Option<String>,
    #[serde(default)]
    skills: Option<String>,
    #[serde(default)]
    queue_when_unavailable: bool,
    #[serde(default)]
    round_the_clock: bool,
    #[serde(default)]
    self_service: bool,
    #[serde(default)]
    note: Option<String>,
}

fn hundred() -> u32 {
    100
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    #[serde(default = "hundred")]
    sla_percent: u32,
    #[serde(default)]
    min_seniority: Option<String>,
    #[serde(default)]
    max_seniority: Option<String>,
    #[serde(default)]
    self_service_first: bool,
    #[serde(default)]
    round_the_clock: bool,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDecision {
    assign: bool,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    reply: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn items(&self) -> &[String] {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s),
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawWhen {
    #[serde(default)]
    category: Option<OneOrMany>,
    #[serde(default)]
    area: Option<OneOrMany>,
    #[serde(default)]
    priority: Option<OneOrMany>,
    #[serde(default)]
    complexity: Option<OneOrMany>,
    #[serde(default)]
    language: Option<OneOrMany>,
    #[serde(default)]
    tier: Option<OneOrMany>,
    #[serde(default)]
    channel: Option<OneOrMany>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    #[serde(default)]
    when: Option<RawWhen>,
    team: String,
    first_response_minutes: u32,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    self_service_first: bool,
    reply: String,
    #[serde(default)]
    min_seniority: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

fn typed<T: DeserializeOwned>(value: Value, item: &str) -> Result<T, RoutingError> {
    serde_json::from_value(value).map_err(|e| RoutingError::json(SOURCE, item, &e))
}

fn seniority(text: &Option<String>, item: &str, field: &str) -> Result<Option<Seniority>, RoutingError> {
    match text {
        None => Ok(None),
        Some(s) => Seniority::parse(s).map(Some).ok_or_else(|| {
            RoutingError::new(
                SOURCE,
                item,
                format!("{field}: unknown seniority {s:?} (junior, intermediate, experienced, senior)"),
            )
        }),
    }
}

fn minutes(value: u32, item: &str, field: &str) -> Result<u32, RoutingError> {
    if (1..=MAX_MINUTES).contains(&value) {
        Ok(value)
    } else {
        Err(RoutingError::new(
            SOURCE,
            item,
            format!("{field} must be between 1 and {MAX_MINUTES} (a year), not {value}"),
        ))
    }
}

/// Every key of a map that must name each label of a set exactly once.
fn keyed<T, L: Copy>(
    map: BTreeMap<String, T>,
    section: &str,
    all: &[L],
    name: impl Fn(L) -> &'static str,
) -> Result<Vec<(L, T)>, RoutingError> {
    let mut map = map;
    let mut out = Vec::with_capacity(all.len());
    for &label in all {
        let value = map
            .remove(name(label))
            .ok_or_else(|| RoutingError::new(SOURCE, section, format!("{:?} is missing", name(label))))?;
        out.push((label, value));
    }
    if let Some(extra) = map.keys().next() {
        let known: Vec<&str> = all.iter().map(|&l| name(l)).collect();
        return Err(RoutingError::new(
            SOURCE,
            section,
            format!("unknown key {extra:?} (expected {})", known.join(", ")),
        ));
    }
    Ok(out)
}

fn rule_item(i: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("rule {} ({:?})", i + 1, id.chars().take(60).collect::<String>()),
        None => format!("rule {}", i + 1),
    }
}

impl RuleSet {
    /// Parses and validates rules against the templates and escalation levels they refer to.
    pub(crate) fn from_json(
        json: &str,
        templates: &Templates,
        levels: &[String],
    ) -> Result<RuleSet, RoutingError> {
        let raw: RawRuleSet = serde_json::from_str(json).map_err(|e| RoutingError::json(SOURCE, "", &e))?;
        let _ = raw.note;

        // Teams first: everything else refers to them.
        let mut teams: Vec<Team> = Vec::with_capacity(raw.teams.len());
        let mut backups: Vec<Option<String>> = Vec::new();
        for (i, v) in raw.teams.into_iter().enumerate() {
            let item = format!("team {}", i + 1);
            let item = match v.get("id").and_then(Value::as_str) {
                Some(id) => format!("team {:?}", id.chars().take(60).collect::<String>()),
                None => item,
            };
            let t: RawTeam = typed(v, &item)?;
            let _ = t.note;
            if t.id.trim().is_empty() || teams.iter().any(|x| x.id == t.id) {
                return Err(RoutingError::new(SOURCE, item, "team ids must be unique and not empty"));
            }
            let name = match t.name {
                Names::One(n) => [n.clone(), n],
                Names::ByLanguage(mut by) => {
                    let en = by.remove("en").ok_or_else(|| {
                        RoutingError::new(SOURCE, &item, "name: an English (en) name is needed")
                    })?;
                    let ru = by.remove("ru").unwrap_or_else(|| en.clone());
                    if let Some(other) = by.keys().next() {
                        return Err(RoutingError::new(
                            SOURCE,
                            item,
                            format!("name: unknown language {other:?} (en, ru)"),
                        ));
                    }
                    [en, ru]
                }
            };
            if name.iter().any(|n| n.trim().is_empty()) {
                return Err(RoutingError::new(SOURCE, item, "name: must not be empty"));
            }
            let Some(level) = levels.iter().position(|l| *l == t.level) else {
                let m =
                    format!("unknown level {:?} (the escalation levels are {})", t.level, levels.join(", "));
                return Err(RoutingError::new(SOURCE, item, m));
            };
            teams.push(Team { id: t.id, name, level, backup: None });
            backups.push(t.backup);
        }
        if teams.is_empty() {
            return Err(RoutingError::new(SOURCE, "teams", "no teams"));
        }
        for (i, b) in backups.iter().enumerate() {
            if let Some(b) = b {
                let Some(bi) = teams.iter().position(|t| t.id == *b) else {
                    return Err(RoutingError::new(
                        SOURCE,
                        format!("team {:?}", teams[i].id),
                        format!("backup: unknown team {b:?}"),
                    ));
                };
                if bi == i {
                    return Err(RoutingError::new(
                        SOURCE,
                        format!("team {:?}", teams[i].id),
                        "backup: a team cannot back itself up",
                    ));
                }
                teams[i].backup = Some(bi);
            }
        }

        let team_index = |name: &str| teams.iter().position(|t| t.id == name);
        let mut area_skills: [Vec<String>; 6] = Default::default();
        for (area, skills) in raw.area_skills {
            let Some(a) = Area::parse(&area) else {
                return Err(RoutingError::new(SOURCE, "area_skills", format!("unknown area {area:?}")));
            };
            area_skills[a as usize] = normalise_skills(&skills, "area_skills")?;
        }

        let priorities = keyed(raw.priorities, "priorities", Priority::ALL, |p| p.as_str())?
            .into_iter()
            .map(|(p, v)| {
                let item = format!("priority {p}");
                let r: RawPriority = typed(v, &item)?;
                let skills_required = match r.skills.as_deref() {
                    None | Some("preferred") => false,
                    Some("required") => true,
                    Some(other) => {
                        return Err(RoutingError::new(
                            SOURCE,
                            item,
                            format!("skills: {other:?} is neither \"required\" nor \"preferred\""),
                        ))
                    }
                };
                Ok(PriorityPolicy {
                    first_response: minutes(r.first_response_minutes, &item, "first_response_minutes")?,
                    resolution_max: r
                        .resolution_max_minutes
                        .map(|m| minutes(m, &item, "resolution_max_minutes"))
                        .transpose()?,
                    min_seniority: seniority(&r.min_seniority, &item, "min_seniority")?,
                    max_seniority: seniority(&r.max_seniority, &item, "max_seniority")?,
                    skills_required,
                    queue_when_unavailable: r.queue_when_unavailable,
                    round_the_clock: r.round_the_clock,
                    self_service: r.self_service,
                    note: r.note.unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for p in &priorities {
            if let (Some(lo), Some(hi)) = (p.min_seniority, p.max_seniority) {
                if lo > hi {
                    return Err(RoutingError::new(
                        SOURCE,
                        "priorities",
                        format!("min_seniority {lo} is above max_seniority {hi}"),
                    ));
                }
            }
        }

        let tiers = keyed(raw.tiers, "tiers", Tier::ALL, |t| t.as_str())?
            .into_iter()
            .map(|(t, v)| {
                let item = format!("tier {t}");
                let r: RawTier = typed(v, &item)?;
                if !(1..=1000).contains(&r.sla_percent) {
                    return Err(RoutingError::new(SOURCE, item, "sla_percent must be between 1 and 1000"));
                }
                Ok(TierPolicy {
                    sla_percent: r.sla_percent,
                    min_seniority: seniority(&r.min_seniority, &item, "min_seniority")?,
                    max_seniority: seniority(&r.max_seniority, &item, "max_seniority")?,
                    self_service_first: r.self_service_first,
                    round_the_clock: r.round_the_clock,
                    note: r.note.unwrap_or_default(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;

        let template = |name: &str, item: &str, field: &str| {
            templates.id(name).ok_or_else(|| {
                RoutingError::new(
                    SOURCE,
                    item,
                    format!("{field}: unknown template {name:?} (known: {})", templates.ids().join(", ")),
                )
            })
        };
        let decisions = keyed(raw.decisions, "decisions", &DECISIONS, |(n, _)| n)?
            .into_iter()
            .map(|((name, _), v)| {
                let item = format!("decision {name}");
                let r: RawDecision = typed(v, &item)?;
                let team = match &r.team {
                    None => None,
                    Some(t) => Some(
                        team_index(t)
                            .ok_or_else(|| RoutingError::new(SOURCE, &item, format!("unknown team {t:?}")))?,
                    ),
                };
                let reply = r.reply.as_deref().map(|t| template(t, &item, "reply")).transpose()?;
                Ok(DecisionPolicy { assign: r.assign, team, reply, note: r.note.unwrap_or_default() })
            })
            .collect::<Result<Vec<_>, _>>()?;

        let resolution: Vec<u32> =
            keyed(raw.resolution_minutes, "resolution_minutes", Complexity::ALL, |c| c.as_str())?
                .into_iter()
                .map(|(c, m)| minutes(m, &format!("resolution_minutes {c}"), "the target"))
                .collect::<Result<_, _>>()?;

        let history: HistoryPolicy =
            raw.history.map(|v| typed(v, "history")).transpose()?.unwrap_or_default();
        if !(history.familiarity_bonus.is_finite() && (0.0..=10.0).contains(&history.familiarity_bonus)) {
            return Err(RoutingError::new(SOURCE, "history", "familiarity_bonus must be between 0 and 10"));
        }
        let selection: SelectionPolicy =
            raw.selection.map(|v| typed(v, "selection")).transpose()?.unwrap_or_default();
        let s = &selection;
        if !(s.rating_weight.is_finite() && (0.0..=10.0).contains(&s.rating_weight)) {
            return Err(RoutingError::new(SOURCE, "selection", "rating_weight must be between 0 and 10"));
        }
        if s.fallback_agents > MAX_FALLBACK_AGENTS {
            return Err(RoutingError::new(
                SOURCE,
                "selection",
                format!("fallback_agents must be at most {MAX_FALLBACK_AGENTS}"),
            ));
        }
        if [s.pickup_minutes, s.minutes_per_open_ticket, s.busy_default_minutes]
            .iter()
            .any(|&m| m > MAX_MINUTES)
        {
            return Err(RoutingError::new(
                SOURCE,
                "selection",
                format!("minutes must be at most {MAX_MINUTES}"),
            ));
        }
        if ![s.team_overflow_percent, s.all_teams_supervisor_percent].iter().all(|p| (1..=1000).contains(p)) {
            return Err(RoutingError::new(SOURCE, "selection", "percentages must be between 1 and 1000"));
        }

        let compile = |i: Option<usize>, v: Value| -> Result<Rule, RoutingError> {
            let item = match i {
                Some(i) => rule_item(i, v.get("id").and_then(Value::as_str)),
                None => "fallback".to_string(),
            };
            let r: RawRule = typed(v, &item)?;
            if r.id.trim().is_empty() {
                return Err(RoutingError::new(SOURCE, item, "the id is empty"));
            }
            let team = team_index(&r.team)
                .ok_or_else(|| RoutingError::new(SOURCE, &item, format!("unknown team {:?}", r.team)))?;
            let when = match (i, r.when) {
                (None, Some(_)) => {
                    return Err(RoutingError::new(
                        SOURCE,
                        item,
                        "the fallback matches every ticket: it has no `when`",
                    ))
                }
                (_, w) => w.unwrap_or_default(),
            };
            let masks = [
                mask(&when.category, Category::ALL, |l| l.as_str(), &item, "category")?,
                mask(&when.area, Area::ALL, |l| l.as_str(), &item, "area")?,
                mask(&when.priority, Priority::ALL, |l| l.as_str(), &item, "priority")?,
                mask(&when.complexity, Complexity::ALL, |l| l.as_str(), &item, "complexity")?,
                mask(&when.language, &LANGUAGES, |(n, _)| n, &item, "language")?,
                mask(&when.tier, Tier::ALL, |l| l.as_str(), &item, "tier")?,
                mask(&when.channel, Channel::ALL, |l| l.as_str(), &item, "channel")?,
            ];
            Ok(Rule {
                first_response: minutes(r.first_response_minutes, &item, "first_response_minutes")?,
                skills: normalise_skills(&r.skills, &item)?,
                reply: template(&r.reply, &item, "reply")?,
                min_seniority: seniority(&r.min_seniority, &item, "min_seniority")?,
                id: r.id,
                masks,
                team,
                self_service_first: r.self_service_first,
                note: r.note.unwrap_or_default(),
            })
        };
        let mut rules: Vec<Rule> = Vec::with_capacity(raw.rules.len());
        for (i, v) in raw.rules.into_iter().enumerate() {
            let rule = compile(Some(i), v)?;
            if let Some(j) = rules.iter().position(|r| r.id == rule.id) {
                return Err(RoutingError::new(
                    SOURCE,
                    rule_item(i, Some(&rule.id)),
                    format!("the id is used by rule {} too", j + 1),
                ));
            }
            if let Some((j, earlier)) = rules
                .iter()
                .enumerate()
                .find(|(_, e)| e.masks.iter().zip(&rule.masks).all(|(a, b)| a & b == *b))
            {
                let m = format!(
                    "can never match: {} catches every ticket it would",
                    rule_item(j, Some(&earlier.id))
                );
                return Err(RoutingError::new(SOURCE, rule_item(i, Some(&rule.id)), m));
            }
            rules.push(rule);
        }
        let fallback = compile(None, raw.fallback)?;

        // `keyed` returned exactly one entry per label, so the conversions to arrays hold.
        Ok(RuleSet {
            teams,
            area_skills,
            priorities: priorities.try_into().unwrap_or_else(|_| unreachable!()),
            tiers: tiers.try_into().unwrap_or_else(|_| unreachable!()),
            decisions: decisions.try_into().unwrap_or_else(|_| unreachable!()),
            resolution: resolution.try_into().unwrap_or_else(|_| unreachable!()),
            history,
            selection,
            rules,
            fallback,
        })
    }

    /// The first rule that matches, else the fallback.
    pub(crate) fn matching(&self, input: &RoutingInput) -> &Rule {
        self.rules.iter().find(|r| r.matches(input)).unwrap_or(&self.fallback)
    }

    /// The policy of a decision.
    pub(crate) fn decision(&self, decision: Decision) -> &DecisionPolicy {
        let i = DECISIONS.iter().position(|(_, d)| *d == decision).unwrap_or(0);
        &self.decisions[i]
    }
}

fn mask<L: Copy>(
    values: &Option<OneOrMany>,
    all: &[L],
    name: impl Fn(L) -> &'static str,
    item: &str,
    field: &str,
) -> Result<u32, RoutingError> {
    let Some(values) = values else {
        return Ok((1u32 << all.len()) - 1);
    };
    if values.items().is_empty() {
        return Err(RoutingError::new(SOURCE, item, format!("when.{field}: an empty list matches nothing")));
    }
    let mut m = 0;
    for v in values.items() {
        let Some(i) = all.iter().position(|&l| name(l) == v) else {
            let known: Vec<&str> = all.iter().map(|&l| name(l)).collect();
            return Err(RoutingError::new(
                SOURCE,
                item,
                format!("when.{field}: unknown {field} {v:?} (expected {})", known.join(", ")),
            ));
        };
        m |= 1 << i;
    }
    Ok(m)
}

fn normalise_skills(skills: &[String], item: &str) -> Result<Vec<String>, RoutingError> {
    let mut out: Vec<String> = Vec::with_capacity(skills.len());
    for s in skills {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(RoutingError::new(SOURCE, item, "an empty skill"));
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    Ok(out)
}

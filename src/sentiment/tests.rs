use super::*;

fn analyzer() -> (Pipeline, SentimentAnalyzer) {
    let p = Pipeline::default();
    let a = SentimentAnalyzer::embedded(&p);
    (p, a)
}

fn run(text: &str) -> Sentiment {
    let (p, a) = analyzer();
    a.analyze(text, &p.tokens(text))
}

#[test]
fn embedded_lexicons_parse() {
    let p = Pipeline::default();
    let a = SentimentAnalyzer::new(&[EMBEDDED_EN, EMBEDDED_RU], EMBEDDED_MODIFIERS, &p)
        .expect("valid embedded lexicons");
    assert!(a.len() > 1000, "only {} entries", a.len());
}

#[test]
fn bad_lexicon_lines_are_reported_with_their_line() {
    let p = Pipeline::default();
    let err = SentimentAnalyzer::new(&["good\t2\n# c\nbad\tminus\n"], "", &p).unwrap_err();
    assert_eq!(err.line, 3);
    let err = SentimentAnalyzer::new(&["good\t9\n"], "", &p).unwrap_err();
    assert!(err.message.contains("outside"));
    let err = SentimentAnalyzer::new(&["good\t2\tjoy\n"], "", &p).unwrap_err();
    assert!(err.message.contains("unknown emotion"));
}

#[test]
fn english_polarity() {
    assert_eq!(run("The new dashboard is great, thank you!").label, SentimentLabel::Positive);
    assert_eq!(
        run("This is terrible, the app keeps crashing and nobody answers").label,
        SentimentLabel::Negative
    );
    assert_eq!(run("How do I export a report to CSV?").label, SentimentLabel::Neutral);
}

#[test]
fn russian_polarity() {
    assert_eq!(run("Спасибо большое, всё заработало!").label, SentimentLabel::Positive);
    assert_eq!(run("Ужасный сервис, деньги списали, а доступа нет").label, SentimentLabel::Negative);
    assert_eq!(run("Подскажите, как выгрузить отчёт в Excel?").label, SentimentLabel::Neutral);
}

#[test]
fn negation_flips_polarity() {
    let plain = run("the answer was helpful");
    let negated = run("the answer was not helpful");
    assert!(plain.score > 0.0 && negated.score < 0.0, "{} vs {}", plain.score, negated.score);
    assert!(negated.cues[0].rules.contains(&Rule::Negated));
    let ru = run("ответ совсем не помог");
    assert!(ru.score < 0.0, "{}", ru.score);
}

#[test]
fn intensifiers_caps_and_exclamations_strengthen() {
    let base = run("the service is bad");
    let intense = run("the service is very bad");
    let caps = run("the service is BAD");
    let bangs = run("the service is bad!!!");
    assert!(intense.score < base.score && caps.score < base.score && bangs.score < base.score);
}

#[test]
fn contrast_weighs_the_second_clause() {
    let s = run("Your support team is friendly, but the product is terrible and broken");
    assert_eq!(s.label, SentimentLabel::Negative);
}

#[test]
fn seed_example_is_frustrated_but_polite_and_urgent() {
    let s = run("Hi, I'm getting an error when trying to connect our CRM via API. The error message says 'Authentication failed' but I'm using the correct API key. This is blocking our sales team. Please help urgently!");
    assert_eq!(s.label, SentimentLabel::Negative);
    assert!(s.descriptor.contains("but polite"), "{}", s.descriptor);
    assert!(s.urgency_level >= UrgencyLevel::High, "{:?}", s.urgency_level);
}

#[test]
fn shouting_raises_anger_and_escalation_risk() {
    let calm = run("the export is not working");
    let shouting = run("THE EXPORT IS NOT WORKING AGAIN FIX IT NOW");
    assert!(shouting.emotion(Emotion::Anger) > calm.emotion(Emotion::Anger));
    assert!(shouting.escalation_risk > calm.escalation_risk);
}

#[test]
fn emoticons_count() {
    assert_eq!(run("спасибо)))").label, SentimentLabel::Positive);
    assert!(run("опять не грузится :(").score < 0.0);
}

#[test]
fn empty_and_symbol_only_text_is_neutral() {
    assert_eq!(run("").label, SentimentLabel::Neutral);
    assert_eq!(run("12345 ... ???").label, SentimentLabel::Neutral);
}

#[test]
fn conversation_that_worsens_raises_an_alert() {
    let (p, a) = analyzer();
    let texts = [
        "Hi, the report looks a bit off",
        "It is still wrong, this is annoying",
        "This is ridiculous, I have wasted hours and nothing works!!!",
    ];
    let sentiments: Vec<_> = texts.iter().map(|t| a.analyze(t, &p.tokens(t))).collect();
    let agent = run("Sorry to hear that, we are looking into it");
    let mut messages: Vec<_> = sentiments
        .iter()
        .map(|s| ConversationMessage { sender: Sender::Customer, sentiment: s, at: None })
        .collect();
    messages.insert(1, ConversationMessage { sender: Sender::Agent, sentiment: &agent, at: None });
    let c = conversation(&messages);
    assert_eq!(c.timeline.len(), 4);
    assert_eq!(c.trend, Trend::Declining);
    assert_eq!(c.alert, "red");
    assert!(c.critical_moments.contains(&3));
}

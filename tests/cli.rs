//! The `helpdesk` CLI as a user runs it: JSON Lines in, one result per line out, errors in place.
#![cfg(feature = "cli")]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &[u8]) -> (i32, Vec<serde_json::Value>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helpdesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("helpdesk runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    let lines = String::from_utf8(out.stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (out.status.code().unwrap_or(-1), lines, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn bad_lines_get_errors_in_place_and_the_batch_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"a\",\"message\":\"cant login, 2FA code never arrives\"}\n");
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\":7,\"message\":42}\n");
    input.extend_from_slice(b"\xff\xfe invalid utf-8\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"b\",\"subject\":\"\",\"message\":\"   \"}\n");
    input.extend_from_slice("{\"id\":\"c\",\"message\":\"Ошибка 502 при вызове API\"}".as_bytes()); // no final newline
    let (code, out, stderr) = run(&["analyze"], &input);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(out.len(), 7, "one output line per input line");
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[0]["language"]["code"], "en");
    assert_eq!(out[1]["error"]["line"], 2);
    assert!(out[1]["error"]["message"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(
        (out[2]["id"].clone(), out[2]["error"]["line"].clone()),
        (serde_json::json!(7), serde_json::json!(3))
    );
    assert!(out[3]["error"]["message"].as_str().unwrap().contains("UTF-8"));
    assert!(out[4]["error"]["message"].as_str().unwrap().contains("empty line"));
    assert!(out[5]["error"]["message"].as_str().unwrap().contains("no text"));
    assert_eq!(out[6]["language"]["code"], "ru");
    assert!(stderr.contains("7 line(s), 5 error(s)"), "{stderr}");
}

#[test]
fn empty_input_is_a_clear_error() {
    let (code, out, stderr) = run(&["analyze"], b"");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(stderr.contains("no input"), "{stderr}");
}

#[test]
fn conversation_reports_the_trend() {
    let input = r#"{"id":"c1","messages":[{"sender":"customer","text":"This is useless, still broken!!!"},{"sender":"agent","text":"Sorry, fixing it now"},{"sender":"customer","text":"It works now, thank you so much!"}]}"#;
    let (code, out, _) = run(&["conversation"], input.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out[0]["trend"], "improving");
    assert_eq!(out[0]["timeline"].as_array().unwrap().len(), 3);
}

#[test]
fn help_explains_every_command_with_an_example() {
    for cmd in [vec!["--help"], vec!["analyze", "--help"], vec!["conversation", "--help"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_helpdesk")).args(&cmd).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success());
        assert!(text.contains("Example"), "{cmd:?} has no example:\n{text}");
    }
}

#[test]
fn train_eval_and_triage_with_a_team_model() {
    let dir = std::env::temp_dir().join(format!("helpdesk-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("tickets.jsonl");
    let mut lines = String::new();
    for i in 0..30 {
        let (msg, cat, area) = if i % 2 == 0 {
            (format!("refund request {i}: you charged my card twice"), "billing_issue", "billing_system")
        } else {
            (
                format!("login problem {i}: password reset email never arrives"),
                "account_issue",
                "authentication",
            )
        };
        lines.push_str(&serde_json::json!({"message": msg, "category": cat, "area": area, "priority": "P3", "complexity": "L1"}).to_string());
        lines.push('\n');
    }
    lines.push_str("{\"message\": \"bad label\", \"category\": \"nope\"}\n");
    std::fs::write(&data, lines).unwrap();
    let model = dir.join("team.bin");
    let out = Command::new(env!("CARGO_BIN_EXE_helpdesk"))
        .args(["train", "--input", data.to_str().unwrap(), "--out", model.to_str().unwrap(), "--epochs", "5"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("unknown label") && stderr.contains("wrote"), "{stderr}");

    let (code, triaged, _) = run(
        &["triage", "--model", model.to_str().unwrap()],
        b"{\"id\":1,\"message\":\"charged twice, need a refund\"}\n",
    );
    assert_eq!(code, 0);
    assert_eq!(triaged[0]["category"]["label"], "billing_issue");
    assert!(["auto", "suggest", "manual"].contains(&triaged[0]["decision"].as_str().unwrap()));

    let out = Command::new(env!("CARGO_BIN_EXE_helpdesk"))
        .args(["eval", "--model", model.to_str().unwrap(), "--input", data.to_str().unwrap()])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        report.contains("macro-F1") && report.contains("confusion") && report.contains("ECE"),
        "{report}"
    );

    // A corrupted model is a clear error, not a crash.
    let mut bytes = std::fs::read(&model).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&model, &bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_helpdesk"))
        .args(["triage", "--model", model.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("checksum"));
    std::fs::remove_dir_all(&dir).ok();
}

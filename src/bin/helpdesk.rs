//! `helpdesk` — the command-line host of the helpdesk-ai core.
//!
//! It adds files, streams and progress; every decision is the core's.

use clap::{Parser, Subcommand};
use helpdesk_ai::contract;
use helpdesk_ai::Analyzer;
use serde_json::Value;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// Lines longer than this are rejected without being held in memory.
const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Parser)]
#[command(
    name = "helpdesk",
    version,
    about = "The brain of a support desk: understands support tickets in English and Russian.",
    long_about = "helpdesk reads support tickets as JSON Lines (one JSON object per line) on standard \
input and writes one JSON result per line on standard output, in input order. A line that cannot \
be read gets {\"error\":{\"line\":N,\"message\":...}} in its place and the batch goes on.",
    after_help = "Examples:\n  echo '{\"id\":\"1\",\"subject\":\"Login\",\"message\":\"I cant log in since yesterday\"}' | helpdesk analyze\n  helpdesk analyze < tickets.jsonl > analysed.jsonl"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse tickets: language, entities, PII redaction, keywords, concepts, sentiment.
    #[command(after_help = "Input, one ticket per line:\n  {\"id\": \"T-1\", \"subject\": \"...\", \"message\": \"...\"}\n\
(`message` may be HTML; `text` is accepted for `message`; `id` may be a string or a number.)\n\n\
Example:\n  echo '{\"id\":1,\"message\":\"Ошибка 401 при вызове API, срочно!\"}' | helpdesk analyze")]
    Analyze {
        /// Indent the JSON output (one result then spans several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Follow the customer's sentiment through conversations.
    #[command(after_help = "Input, one conversation per line:\n  {\"id\": \"C-1\", \"messages\": [{\"sender\": \"customer\", \"text\": \"...\"}, {\"sender\": \"agent\", \"text\": \"...\"}]}\n\n\
Example:\n  echo '{\"messages\":[{\"sender\":\"customer\",\"text\":\"still broken!!\"},{\"sender\":\"customer\",\"text\":\"works now, thanks\"}]}' | helpdesk conversation")]
    Conversation,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let analyzer = Analyzer::default();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Analyze { pretty } => {
            run_lines(&mut stdin.lock(), &mut out, pretty, |value| contract::analyze_json(&analyzer, value))
        }
        Command::Conversation => run_lines(&mut stdin.lock(), &mut out, false, |value| contract::conversation_json(&analyzer, value)),
    };
    match result.and_then(|stats| out.flush().map(|_| stats)) {
        Ok(stats) if stats.lines == 0 => {
            eprintln!("helpdesk: no input — expected one JSON object per line on standard input");
            ExitCode::from(1)
        }
        Ok(stats) => {
            eprintln!("helpdesk: {} line(s), {} error(s)", stats.lines, stats.errors);
            ExitCode::SUCCESS
        }
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("helpdesk: {err}");
            ExitCode::from(2)
        }
    }
}

struct Stats {
    lines: usize,
    errors: usize,
}

/// Reads lines as bytes (so invalid UTF-8 is a per-line error, not the end of the batch), hands
/// each parsed JSON value to `handle`, and writes one output line per input line.
fn run_lines(
    input: &mut impl BufRead,
    out: &mut impl Write,
    pretty: bool,
    mut handle: impl FnMut(&Value) -> Result<Value, String>,
) -> io::Result<Stats> {
    let mut stats = Stats { lines: 0, errors: 0 };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (read, too_long) = read_line_bounded(input, &mut buf)?;
        if read == 0 {
            break;
        }
        stats.lines += 1;
        let line_no = stats.lines;
        let value = if too_long {
            contract::error_value(line_no, &format!("line is longer than {} MiB", MAX_LINE_BYTES / (1024 * 1024)))
        } else {
            match std::str::from_utf8(&buf) {
                Ok(text) => contract::respond(line_no, text, &mut handle),
                Err(e) => contract::error_value(line_no, &format!("line is not valid UTF-8 (at byte {})", e.valid_up_to())),
            }
        };
        if value.get("error").is_some() {
            stats.errors += 1;
        }
        if pretty {
            serde_json::to_writer_pretty(&mut *out, &value)?;
        } else {
            serde_json::to_writer(&mut *out, &value)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(stats)
}

/// Reads up to and including the next `\n`, keeping at most `MAX_LINE_BYTES` of it.
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<(usize, bool)> {
    let mut read = 0;
    let mut too_long = false;
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((read, too_long));
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        if buf.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
            buf.clear();
        } else if !too_long {
            buf.extend_from_slice(chunk);
        }
        let n = chunk.len();
        read += n;
        input.consume(n);
        if done {
            return Ok((read, too_long));
        }
    }
}

//! The wire: LSP's base protocol (`Content-Length` headers, a blank line, a JSON-RPC body) over
//! standard input and output, each on a thread of its own.
//!
//! The framing is read here rather than with lsp-server's `Connection::stdio`, whose reader
//! thread stops at the first malformed message and sizes its buffer from the header before a
//! byte of the body has arrived. A language server answers a malformed message with a JSON-RPC
//! error and keeps serving: a body that is not JSON gets `-32700` (parse error), JSON that is not
//! a message gets `-32600` (invalid request), both with the request's id when it can be read and
//! `null` otherwise, and the next message is read as if nothing had happened. What does parse is
//! handed on as lsp-server's `Message`.

use std::io::{BufRead, Read, Write};
use std::sync::mpsc::{Receiver, Sender};

use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};

use super::Event;

/// A body larger than this is skipped unread and answered with an error. The largest file
/// flasklint parses is 16 MiB by default, which JSON escaping may double; this leaves room for
/// that with a margin, and bounds what a broken client can make the server hold.
pub const MAX_BODY_BYTES: usize = 128 << 20;

/// A header line longer than this is malformed (real ones are a few dozen bytes).
const MAX_HEADER_LINE: u64 = 8 << 10;

/// What goes out on standard output.
pub enum Outgoing {
    Message(Message),
    /// A response lsp-server's types cannot carry: an error whose id is `null`, for a message
    /// whose id could not be read.
    Raw(Value),
    /// Everything before this has been written: the writer stops.
    End,
}

/// Reads messages from `input` until it ends, handing each one on as `Event::Client` and
/// answering malformed ones on `out`; sends `Event::ClientGone` at the end of the input.
pub fn spawn_reader(
    input: impl Read + Send + 'static,
    events: Sender<Event>,
    out: Sender<Outgoing>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("flasklint-lsp-reader".into())
        .spawn(move || {
            let mut input = std::io::BufReader::with_capacity(64 << 10, input);
            loop {
                let body = match read_frame(&mut input, MAX_BODY_BYTES) {
                    Frame::Body(body) => body,
                    Frame::Bad(why) => {
                        let _ = out.send(Outgoing::Raw(error_reply(
                            Value::Null,
                            ErrorCode::ParseError,
                            &why,
                        )));
                        continue;
                    }
                    Frame::End => break,
                };
                match parse(&body) {
                    Ok(message) => {
                        if events.send(Event::Client(message)).is_err() {
                            return;
                        }
                    }
                    Err(Some(reply)) => {
                        let _ = out.send(Outgoing::Raw(reply));
                    }
                    Err(None) => {}
                }
            }
            let _ = events.send(Event::ClientGone);
        })
        .map(drop)
}

/// Writes what arrives on `outgoing` to `output` until `Outgoing::End` or until the output is
/// closed. Returns the thread to join, so that every reply is written before the process exits.
pub fn spawn_writer(
    output: impl Write + Send + 'static,
    outgoing: Receiver<Outgoing>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("flasklint-lsp-writer".into())
        .spawn(move || {
            let mut output = std::io::BufWriter::new(output);
            for item in outgoing {
                let written = match item {
                    Outgoing::Message(message) => message.write(&mut output),
                    Outgoing::Raw(value) => write_raw(&mut output, &value),
                    Outgoing::End => break,
                };
                if written.is_err() {
                    // The client is gone; nothing more can reach it.
                    return;
                }
            }
            let _ = output.flush();
        })
}

fn write_raw(output: &mut impl Write, value: &Value) -> std::io::Result<()> {
    let text = value.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    output.flush()
}

fn error_reply(id: Value, code: ErrorCode, message: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code as i32, "message": message},
    })
}

enum Frame {
    Body(Vec<u8>),
    /// The frame could not be read; its bytes were consumed as far as the header allowed.
    Bad(String),
    End,
}

/// Reads one frame. Header names are matched case-insensitively, `\n` alone ends a header line
/// as well as `\r\n`, and headers other than `Content-Length` (`Content-Type`) are ignored.
fn read_frame(input: &mut impl BufRead, max_body_bytes: usize) -> Frame {
    let mut length: Option<usize> = None;
    let mut problem: Option<String> = None;
    let mut seen_header = false;
    loop {
        let mut line = Vec::new();
        match input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)
        {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        if !line.ends_with(b"\n") && line.len() as u64 >= MAX_HEADER_LINE {
            problem.get_or_insert_with(|| "a header line is too long".to_string());
            seen_header = true;
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if seen_header {
                break;
            }
            // Blank lines between messages are tolerated.
            continue;
        }
        seen_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        problem = Some(format!("bad Content-Length header `{}`", value.trim()))
                    }
                }
            }
            Some(_) => {}
            None => {
                problem.get_or_insert_with(|| format!("malformed header line `{text}`"));
            }
        }
    }
    let Some(length) = length else {
        return Frame::Bad(
            problem.unwrap_or_else(|| "the message has no Content-Length header".to_string()),
        );
    };
    if length > max_body_bytes {
        // Skip the body so that the next message is read from its start.
        let skipped = std::io::copy(
            &mut input.by_ref().take(length as u64),
            &mut std::io::sink(),
        );
        if skipped.map_or(true, |n| n < length as u64) {
            return Frame::End;
        }
        return Frame::Bad(format!(
            "the message is {length} bytes, larger than the {max_body_bytes}-byte limit"
        ));
    }
    let mut body = Vec::new();
    if input
        .by_ref()
        .take(length as u64)
        .read_to_end(&mut body)
        .is_err()
        || body.len() < length
    {
        return Frame::End;
    }
    match problem {
        Some(problem) => Frame::Bad(problem),
        None => Frame::Body(body),
    }
}

/// A body as a message; otherwise the reply it deserves (`None` for a malformed response or
/// notification: JSON-RPC answers neither).
fn parse(body: &[u8]) -> Result<Message, Option<Value>> {
    let value: Value = serde_json::from_slice(body).map_err(|error| {
        Some(error_reply(
            Value::Null,
            ErrorCode::ParseError,
            &format!("the message is not JSON: {error}"),
        ))
    })?;
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned();
    let is_response = value.get("result").is_some() || value.get("error").is_some();
    let has_method = value.get("method").is_some();
    serde_json::from_value::<Message>(value).map_err(|error| {
        if is_response || (has_method && id.is_none()) {
            return None;
        }
        Some(error_reply(
            id.unwrap_or(Value::Null),
            ErrorCode::InvalidRequest,
            &format!("not a JSON-RPC request, response or notification: {error}"),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(wire: &[u8]) -> Vec<String> {
        frames_within(wire, MAX_BODY_BYTES)
    }

    fn frames_within(wire: &[u8], limit: usize) -> Vec<String> {
        let mut input = std::io::Cursor::new(wire.to_vec());
        let mut out = Vec::new();
        loop {
            match read_frame(&mut input, limit) {
                Frame::Body(body) => out.push(String::from_utf8_lossy(&body).into_owned()),
                Frame::Bad(why) => out.push(format!("bad: {why}")),
                Frame::End => return out,
            }
        }
    }

    #[test]
    fn reads_frames_and_recovers_from_bad_ones() {
        let wire = b"Content-Length: 2\r\n\r\n{}content-length:3\nContent-Type: x\n\n[1]Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\nok";
        assert_eq!(
            frames(wire),
            vec![
                "{}".to_string(),
                "[1]".to_string(),
                "bad: bad Content-Length header `x`".to_string(),
                "ok".to_string(),
            ]
        );
    }

    #[test]
    fn a_truncated_body_ends_the_input() {
        assert!(frames(b"Content-Length: 10\r\n\r\n{}").is_empty());
    }

    #[test]
    fn an_oversized_body_is_skipped() {
        let wire = "Content-Length: 11\r\n\r\n[1,2,3,4,5]Content-Length: 2\r\n\r\n{}";
        let got = frames_within(wire.as_bytes(), 10);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("bad: the message is"), "{got:?}");
        assert_eq!(got[1], "{}");
    }

    #[test]
    fn malformed_bodies_get_the_json_rpc_error_they_deserve() {
        let code_and_id = |body: &str| match parse(body.as_bytes()) {
            Err(Some(value)) => Some((value["error"]["code"].clone(), value["id"].clone())),
            Err(None) => None,
            Ok(message) => panic!("parsed: {message:?}"),
        };
        assert_eq!(code_and_id("{nope"), Some((json!(-32700), Value::Null)));
        assert_eq!(
            code_and_id(r#"{"id": 7, "method": 3}"#),
            Some((json!(-32600), json!(7)))
        );
        assert_eq!(code_and_id("[1, 2]"), Some((json!(-32600), Value::Null)));
        // A broken notification or response gets no reply.
        assert_eq!(code_and_id(r#"{"method": 3}"#), None);
        assert!(parse(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#).is_ok());
    }
}

//! WebAssembly bindings: a thin conversion layer over the core (no logic of its own).

use crate::contract;
use crate::triage::Triager;
use wasm_bindgen::prelude::*;

/// The engine as JavaScript sees it.
#[wasm_bindgen]
pub struct Engine {
    triager: Triager,
}

fn js_error(code: &str, message: &str) -> JsError {
    JsError::new(&format!("{code}: {message}"))
}

#[wasm_bindgen]
impl Engine {
    /// An engine with the embedded defaults.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine { triager: Triager::default() }
    }

    /// Analyses a ticket object `{id?, subject?, message}` and returns the analysis object.
    pub fn analyze(&self, ticket: JsValue) -> Result<JsValue, JsError> {
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(ticket).map_err(|e| js_error("invalid_ticket", &e.to_string()))?;
        let out = contract::analyze_json(self.triager.analyzer(), &value).map_err(|m| js_error("invalid_ticket", &m))?;
        out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| js_error("internal", &e.to_string()))
    }

    /// Analyses one JSON ticket given as text and returns the result as JSON text — exactly the
    /// line `helpdesk analyze` writes for it (errors included), which is how native and wasm
    /// results are compared byte for byte.
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| contract::analyze_json(self.triager.analyzer(), v)).to_string()
    }

    /// Triages one JSON ticket given as text; returns exactly the line `helpdesk triage` writes.
    #[wasm_bindgen(js_name = triageJson)]
    pub fn triage_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| contract::triage_json(&self.triager, v)).to_string()
    }

    /// Follows sentiment through a conversation given as JSON text.
    #[wasm_bindgen(js_name = conversationJson)]
    pub fn conversation_json(&self, line: &str) -> String {
        contract::respond(1, line, |v| contract::conversation_json(self.triager.analyzer(), v)).to_string()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

use serde::Serialize;

//! People: named mentions merged into one [`Person`] per name (a given name alone
//! joins the one full name it ends), their roles, honorifics and mentions gathered;
//! role-only mentions attached to the one person who holds every role named.

use super::{Assembly, squash};
use crate::key;
use crate::layout::BlockKind;
use crate::lexicon::{HonorificKind, Lexicon};
use crate::model::*;
use crate::recognize::person::PersonMention;
use std::collections::HashMap;

/// Name key: case, tone and spacing folded.
fn name_key(s: &str) -> String {
    squash(&key::key(s))
}

/// Role key: case, tone and spacing folded, separators unified.
fn role_key(s: &str) -> String {
    squash(&key::key(s).replace(['-', '.'], " "))
}

/// People, merged. Returns persons and, for every person mention index, its person id.
pub(super) fn merge_people(asm: &mut Assembly<'_, '_>) -> (Vec<Person>, Vec<Option<usize>>) {
    let (mut people, mut ids) = people_by_name(asm);
    // Roles, honorifics and mentions of named mentions.
    for (mi, (_, p)) in asm.mentions.people.iter().enumerate() {
        let Some(id) = ids[mi] else { continue };
        add_mention(asm, &mut people[id], p);
    }
    attach_role_only(asm, &mut people, &mut ids);
    for p in &mut people {
        p.mentions.sort();
        p.mentions.dedup();
    }
    (people, ids)
}

/// A new person named `name` at the end of `people`; its id.
fn new_person(people: &mut Vec<Person>, name: String) -> usize {
    people.push(Person { id: people.len(), name, honorifics: Vec::new(), roles: Vec::new(), mentions: Vec::new() });
    people.len() - 1
}

/// One person per name of the named mentions outside the headline, and each mention's
/// person id (none yet for role-only mentions).
fn people_by_name(asm: &Assembly<'_, '_>) -> (Vec<Person>, Vec<Option<usize>>) {
    let mut people: Vec<Person> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut ids = vec![None; asm.mentions.people.len()];
    let mut single: Vec<usize> = Vec::new();
    // Named mentions, full names first so given-name-only mentions can find them.
    for (mi, (bi, p)) in asm.mentions.people.iter().enumerate() {
        if asm.layout.blocks[*bi].kind == BlockKind::Title && !asm.lead_in_title(p.start) {
            continue;
        }
        let Some((ns, ne)) = p.name else { continue };
        let name = squash(&asm.text[ns..ne]);
        if !name.contains(' ') {
            single.push(mi);
            continue;
        }
        let k = name_key(&name);
        let id = *by_name.entry(k).or_insert_with(|| new_person(&mut people, name.clone()));
        ids[mi] = Some(id);
    }
    // A given name alone: the one full name it ends, else a person of its own.
    for mi in single {
        let (_, p) = &asm.mentions.people[mi];
        let (ns, ne) = p.name.unwrap_or_default();
        let k = name_key(&asm.text[ns..ne]);
        let found: Vec<usize> =
            people.iter().filter(|x| name_key(&x.name).rsplit(' ').next() == Some(k.as_str())).map(|x| x.id).collect();
        let id = if found.len() == 1 {
            found[0]
        } else {
            *by_name.entry(k).or_insert_with(|| new_person(&mut people, squash(&asm.text[ns..ne])))
        };
        ids[mi] = Some(id);
    }
    (people, ids)
}

/// Role-only mentions outside the headline: to the one person who holds every role
/// named; a diagnostic when none or several do.
fn attach_role_only(asm: &mut Assembly<'_, '_>, people: &mut [Person], ids: &mut [Option<usize>]) {
    for (mi, (bi, p)) in asm.mentions.people.iter().enumerate() {
        if p.name.is_some() || asm.layout.blocks[*bi].kind == BlockKind::Title && !asm.lead_in_title(p.start) {
            continue;
        }
        let keys: Vec<String> = p.roles.iter().map(|r| role_key(&asm.text[r.title_start..r.end])).collect();
        let holders: Vec<usize> = people
            .iter()
            .filter(|x| {
                keys.iter().all(|k| {
                    x.roles.iter().any(|r| {
                        same_role(asm.lex, &role_key(&r.text), k)
                            || same_role(asm.lex, &strip_qualifier_key(asm.lex, &r.text), k)
                    })
                })
            })
            .map(|x| x.id)
            .collect();
        if holders.len() == 1 {
            ids[mi] = Some(holders[0]);
            let span = asm.span(p.start, p.end);
            people[holders[0]].mentions.push(span);
        } else {
            let roles: Vec<&str> = p.roles.iter().map(|r| &asm.text[r.start..r.end]).collect();
            let diagnostic = Diagnostic {
                code: DiagnosticCode::RoleOnlyUnresolved,
                message: format!("{} people hold the role(s) {:?}", holders.len(), roles),
                span: Some(asm.span(p.start, p.end)),
            };
            asm.diagnostics.push(diagnostic);
        }
    }
}

/// The same role, or the same role with and without its level noun ("HĐND" / "HĐND huyện").
fn same_role(lex: &Lexicon, a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || long.strip_prefix(short).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|l| lex.unit_level(l).is_some())
}

/// Role key without a leading "former" or "acting" word (cues.tsv: "nguyên", "quyền").
fn strip_qualifier_key(lex: &Lexicon, s: &str) -> String {
    let k = role_key(s);
    match k.split_once(' ') {
        Some((w, rest)) if lex.is_word_cue(w, "former", false) || lex.is_word_cue(w, "acting", false) => {
            rest.to_string()
        }
        _ => k,
    }
}

/// Add the mention `p` to `person`: its span, honorifics (ranks and degrees also as
/// roles) and roles (a longer form of a role replaces the shorter).
fn add_mention(asm: &Assembly<'_, '_>, person: &mut Person, p: &PersonMention) {
    person.mentions.push(asm.span(p.start, p.end));
    for h in &p.honorifics {
        if !person.honorifics.iter().any(|x| key::key(x) == key::key(&h.canonical)) {
            person.honorifics.push(h.canonical.clone());
        }
        // Ranks and academic titles are also roles, as written ("Đại tá", "PGS.TS").
        if matches!(h.kind, HonorificKind::Rank | HonorificKind::Degree) {
            let text = asm.text[h.start..h.end].trim_end_matches('.').to_string();
            if !person.roles.iter().any(|r| role_key(&r.text) == role_key(&text)) {
                person.roles.push(Role {
                    title: text.clone(),
                    text,
                    organization: None,
                    expanded: None,
                    qualifier: None,
                    confidence: 1.0,
                    span: asm.span(h.start, h.start + asm.text[h.start..h.end].trim_end_matches('.').len()),
                });
            }
        }
    }
    for r in &p.roles {
        let text = squash(asm.text[r.start..r.end].trim_end_matches([',', '.', ' ', '-', ';']));
        let title = squash(&asm.text[r.title_start..r.title_end]);
        let org = squash(asm.text[r.title_end..r.end].trim_matches([' ', ',', '-']));
        let role = Role {
            text: text.clone(),
            title,
            organization: (!org.is_empty()).then_some(org),
            expanded: r.expanded.as_deref().map(squash),
            qualifier: r.qualifier.map(str::to_string),
            confidence: 1.0,
            span: asm.span(r.start, r.end),
        };
        let k = role_key(&text);
        if let Some(i) = person.roles.iter().position(|x| same_role(asm.lex, &role_key(&x.text), &k)) {
            if role_key(&person.roles[i].text).len() < k.len() {
                person.roles[i] = role;
            }
        } else {
            person.roles.push(role);
        }
    }
}

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
    let mut keys: Vec<PersonKeys> = people.iter().map(|_| PersonKeys::default()).collect();
    for (mi, (_, p)) in asm.mentions.people.iter().enumerate() {
        let Some(id) = ids[mi] else { continue };
        add_mention(asm, &mut people[id], &mut keys[id], p);
    }
    drop(keys);
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
    // The people by the key of their name's last word, each key computed once (a large
    // document holds thousands of people: looking at each for every given name alone
    // grew with the square of its size).
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    let last_word = |name: &str| name_key(name).rsplit(' ').next().unwrap_or_default().to_string();
    for x in &people {
        by_last.entry(last_word(&x.name)).or_default().push(x.id);
    }
    // A given name alone: the one full name it ends, else a person of its own.
    for mi in single {
        let (_, p) = &asm.mentions.people[mi];
        let (ns, ne) = p.name.unwrap_or_default();
        let k = name_key(&asm.text[ns..ne]);
        let id = match by_last.get(&k).map(Vec::as_slice) {
            Some(&[one]) => one,
            _ => match by_name.get(&k) {
                Some(&id) => id,
                None => {
                    let id = new_person(&mut people, squash(&asm.text[ns..ne]));
                    by_last.entry(last_word(&people[id].name)).or_default().push(id);
                    by_name.insert(k, id);
                    id
                }
            },
        };
        ids[mi] = Some(id);
    }
    (people, ids)
}

/// Role-only mentions outside the headline: to the one person who holds every role
/// named; a diagnostic when none or several do.
fn attach_role_only(asm: &mut Assembly<'_, '_>, people: &mut [Person], ids: &mut [Option<usize>]) {
    let mut holders_of: Option<RoleIndex> = None;
    for (mi, (bi, p)) in asm.mentions.people.iter().enumerate() {
        if p.name.is_some() || asm.layout.blocks[*bi].kind == BlockKind::Title && !asm.lead_in_title(p.start) {
            continue;
        }
        // Built at the first role-only mention: the people's roles do not change here.
        let index = holders_of.get_or_insert_with(|| RoleIndex::new(asm.lex, people));
        let keys: Vec<String> = p.roles.iter().map(|r| role_key(&asm.text[r.title_start..r.end])).collect();
        let holders = index.holders(asm.lex, &keys, people.len());
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

/// Who holds which role, by role key, for [`attach_role_only`]: a person holds the role
/// key `k` when one of their roles is [`same_role`] as `k`, as written or without its
/// qualifier ([`strip_qualifier_key`]). Each person's role keys are computed once, and a
/// role is found by looking its key up rather than by comparing it with every person's.
struct RoleIndex {
    /// Role key (as written or without its qualifier) to the people holding it, by id.
    exact: HashMap<String, Vec<usize>>,
    /// The part of a role key before a trailing level noun ("chủ tịch hđnd" of "chủ tịch
    /// hđnd huyện") to the people holding it, by id.
    without_level: HashMap<String, Vec<usize>>,
}

impl RoleIndex {
    fn new(lex: &Lexicon, people: &[Person]) -> RoleIndex {
        let mut index = RoleIndex { exact: HashMap::new(), without_level: HashMap::new() };
        for x in people {
            for r in &x.roles {
                for k in [role_key(&r.text), strip_qualifier_key(lex, &r.text)] {
                    for short in level_prefixes(lex, &k) {
                        add_holder(index.without_level.entry(short.to_string()).or_default(), x.id);
                    }
                    add_holder(index.exact.entry(k).or_default(), x.id);
                }
            }
        }
        index
    }

    /// The people (ids, ascending) who hold every role in `keys`; all `count` people when
    /// `keys` is empty.
    fn holders(&self, lex: &Lexicon, keys: &[String], count: usize) -> Vec<usize> {
        let mut found: Option<Vec<usize>> = None;
        for k in keys {
            let mut of_k: Vec<usize> = Vec::new();
            of_k.extend(self.exact.get(k).into_iter().flatten());
            of_k.extend(self.without_level.get(k).into_iter().flatten());
            for short in level_prefixes(lex, k) {
                of_k.extend(self.exact.get(short).into_iter().flatten());
            }
            of_k.sort_unstable();
            of_k.dedup();
            found = Some(match found {
                None => of_k,
                Some(prev) => prev.into_iter().filter(|id| of_k.binary_search(id).is_ok()).collect(),
            });
        }
        found.unwrap_or_else(|| (0..count).collect())
    }
}

/// `id` at the end of `ids` unless it is there already (ids come person by person).
fn add_holder(ids: &mut Vec<usize>, id: usize) {
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// The beginnings of the role key `k` that [`same_role`] takes for the same role: each
/// part of `k` before a space whose rest is a level noun ("hđnd" of "hđnd huyện").
fn level_prefixes<'k>(lex: &Lexicon, k: &'k str) -> impl Iterator<Item = &'k str> {
    k.match_indices(' ').filter(move |&(i, _)| lex.unit_level(&k[i + 1..]).is_some()).map(move |(i, _)| &k[..i])
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

/// The keys of a person's roles ([`role_key`] of each role's text), beside them in the
/// same order: computed once each, not at every later mention of the person.
#[derive(Default)]
struct PersonKeys {
    roles: Vec<String>,
}

/// Add the mention `p` to `person` (whose keys are `keys`): its span, honorifics (ranks
/// and degrees also as roles) and roles (a longer form of a role replaces the shorter).
/// A person's lists grow one at a time (most people have one role or two: room for
/// four took more memory than the text on a page full of names).
fn add_mention(asm: &Assembly<'_, '_>, person: &mut Person, keys: &mut PersonKeys, p: &PersonMention) {
    person.mentions.push(asm.span(p.start, p.end));
    for h in &p.honorifics {
        let hk = key::key(&h.canonical);
        if !person.honorifics.iter().any(|x| key::key(x) == hk) {
            person.honorifics.reserve_exact(1);
            person.honorifics.push(h.canonical.clone());
        }
        // Ranks and academic titles are also roles, as written ("Đại tá", "PGS.TS").
        if matches!(h.kind, HonorificKind::Rank | HonorificKind::Degree) {
            let text = asm.text[h.start..h.end].trim_end_matches('.').to_string();
            let k = role_key(&text);
            if !keys.roles.contains(&k) {
                push_role(
                    person,
                    keys,
                    k,
                    Role {
                        title: text.clone(),
                        text,
                        organization: None,
                        expanded: None,
                        qualifier: None,
                        confidence: 1.0,
                        span: asm.span(h.start, h.start + asm.text[h.start..h.end].trim_end_matches('.').len()),
                    },
                );
            }
        }
    }
    for r in &p.roles {
        let text = squash(asm.text[r.start..r.end].trim_end_matches([',', '.', ' ', '-', ';']));
        let title = squash(&asm.text[r.title_start..r.title_end]);
        let org = squash(asm.text[r.title_end..r.end].trim_matches([' ', ',', '-']));
        let k = role_key(&text);
        let role = Role {
            text,
            title,
            organization: (!org.is_empty()).then_some(org),
            expanded: r.expanded.as_deref().map(squash),
            qualifier: r.qualifier.map(str::to_string),
            confidence: 1.0,
            span: asm.span(r.start, r.end),
        };
        if let Some(i) = keys.roles.iter().position(|x| same_role(asm.lex, x, &k)) {
            if keys.roles[i].len() < k.len() {
                person.roles[i] = role;
                keys.roles[i] = k;
            }
        } else {
            push_role(person, keys, k, role);
        }
    }
}

/// `role`, whose key is `k`, at the end of the person's roles.
fn push_role(person: &mut Person, keys: &mut PersonKeys, k: String, role: Role) {
    person.roles.reserve_exact(1);
    person.roles.push(role);
    keys.roles.reserve_exact(1);
    keys.roles.push(k);
}

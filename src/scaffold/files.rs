//! The text of each file of a new project, in Danish, for the people who
//! will fill it in.

use std::path::PathBuf;

use super::{Area, Case, Member};
use crate::kinds::draft::{ids, modeline, scalar};
use crate::kinds::letter::{NewApplication, application_entry, application_prose};

/// Every file of the project but the schemas, by path.
pub(super) fn project(case: &Case) -> Vec<(PathBuf, String)> {
    let mut files = vec![
        (PathBuf::from("dokgen.yaml"), config(case)),
        (PathBuf::from("README.md"), readme(case)),
        (PathBuf::from(".gitignore"), "/output/\n".to_owned()),
        (PathBuf::from("content/samarbejde.yaml"), cooperation(case)),
        (
            PathBuf::from("content/ansoegninger.yaml"),
            application(case),
        ),
        (
            PathBuf::from("content/documents/ansoegning.yaml"),
            declaration(case),
        ),
    ];
    for m in &case.members {
        files.push((
            PathBuf::from(format!("content/kommuner/{}.yaml", m.id)),
            municipality(m),
        ));
    }
    for (name, text) in prose(case) {
        files.push((
            PathBuf::from(format!("content/prosa/ansoegning/{name}.md")),
            text,
        ));
    }
    files
}

/// Names joined as Danish lists them: "A, B og C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
    }
}

fn config(case: &Case) -> String {
    let authors: Vec<&str> = case.applicants().iter().map(|m| m.id.as_str()).collect();
    let mut out = modeline(0, "project");
    out.push_str(
        "# Et dokgen-projekt, oprettet med `dokgen new`. README.md beskriver de\n# næste skridt.\n",
    );
    out.push_str(&format!("name: {}\n", scalar(&case.name)));
    out.push_str("defaults:\n");
    out.push_str(&format!("  authors: {}\n", ids(authors)));
    out.push_str("  keywords:\n    - forpligtende kommunalt samarbejde\n");
    for m in &case.members {
        out.push_str(&format!("    - {} Kommune\n", m.short_name));
    }
    out.push_str(
        "# Dagsordener og referater også som websider, med en side for hvert punkt,\n# i output/web/ (til kommunens hjemmeside): fjern # foran linjen nedenfor.\n# publication: {}\n",
    );
    out
}

fn cooperation(case: &Case) -> String {
    let short: Vec<&str> = case.members.iter().map(|m| m.short_name.as_str()).collect();
    let mut out = modeline(1, "facts");
    out.push_str("# Samarbejdet og loven, det hviler på.\ncooperation:\n");
    out.push_str(&format!(
        "  name: det forpligtende samarbejde mellem {}\n",
        and_list(&short)
    ));
    out.push_str(&format!(
        "  members: {}\n",
        ids(case.members.iter().map(|m| m.id.as_str()))
    ));
    out.push_str(
        "  # De forpligtende samarbejder begyndte den 1. januar 2007.\n  since: 2007-01-01\n",
    );
    if case.ends {
        out.push_str("  # Samarbejdet skal ophøre: ansøgningerne omfatter tilsammen alle områder.\n  ends: true\n");
    } else {
        out.push_str("  # Samarbejdet fortsætter med de områder, som ingen ansøgning omfatter.\n");
    }
    out.push_str("  areas:\n");
    for area in &case.areas {
        out.push_str(&area_entry(area));
    }
    out.push_str(
        "
law:
  name: lov om forpligtende kommunale samarbejder
  act: { number: 541, date: 2005-06-24 }
  # Den gældende lovbekendtgørelse.
  consolidated: { number: 789, date: 2024-06-24 }
  dispensation: { section: \"11 a\", subsection: 2 }
  conditions: { section: \"11 a\", subsection: 3 }

# Reformens krav: et forpligtende samarbejde skal have et
# befolkningsgrundlag på mindst 30.000 indbyggere. `dokgen check` vejer
# kommunernes indbyggertal mod det.
rules:
  cooperation_base: 30000
",
    );
    out
}

fn area_entry(area: &Area) -> String {
    let mut out = format!(
        "    - id: {}\n      name: {}\n      carried_out_by: {}\n",
        area.id,
        scalar(&area.name),
        area.carried_out_by
    );
    if !area.on_behalf_of.is_empty() {
        out.push_str(&format!(
            "      on_behalf_of: {}\n",
            ids(area.on_behalf_of.iter().map(String::as_str))
        ));
    }
    if let Some(c) = &area.competence {
        out.push_str(&format!("      competence: {c}\n"));
    }
    out
}

fn municipality(m: &Member) -> String {
    let mut out = modeline(2, "facts");
    out.push_str(&format!(
        "# {name} Kommune. Hvor der står [indsæt …], mangler et faktum:\n# `dokgen check` viser hvert sted.\nmunicipalities:\n  {id}:\n    name: {name} Kommune\n    short_name: {name}\n",
        id = m.id,
        name = m.short_name
    ));
    out.push_str(
        "    # Hvad kommunalbestyrelsen hedder i kommunen: kommunalbestyrelse eller
    # byråd (fx Byrådet i Svendborg Kommune). dokgen kalder den det overalt.
    council: kommunalbestyrelse
    # Byen, kommunens breve dateres fra.
    seat: \"[indsæt by]\"
    # Rådhusets adresse, som brevhovedet viser den.
    address:
      - \"[indsæt vej og husnummer]\"
      - \"[indsæt postnummer og by]\"
    # Telefon, e-mail og hjemmeside i brevhovedet, hvis de skal stå der:
    # letterhead: { phone: 12 34 56 78, email: post@kommune.dk, web: kommune.dk }
    officials:
      mayor:
        name: \"[indsæt borgmesterens navn]\"
        title: Borgmester
      chief_executive:
        name: \"[indsæt kommunaldirektørens navn]\"
        title: Kommunaldirektør
    # Overskrifterne i kommunens dagsordenspunkter, i kommunens rækkefølge
    # (ret dem til kommunens egne).
    meeting_papers:
      headings:
        - { part: presentation, title: Sagsfremstilling }
        - { part: finances, title: Økonomi }
        - { part: recommendations, title: Indstilling }
        - { part: decision, title: Beslutning }
        - { part: annexes, title: Bilag }
    # Indbyggertal pr. 1. januar, hvert med sin kilde; ansøgningens tabel
    # viser dem. Fx fra Danmarks Statistik, Statistikbanken (FOLK1A):
    #   - { date: 2026-01-01, value: 12345, source: \"Danmarks Statistik, Statistikbanken (FOLK1A)\" }
    population: []
",
    );
    out
}

fn application(case: &Case) -> String {
    let applicants: Vec<(&str, &str)> = case
        .applicants()
        .iter()
        .map(|m| (m.id.as_str(), m.short_name.as_str()))
        .collect();
    let mut out = modeline(1, "facts");
    out.push_str(
        "# Ansøgningen om, at områder udgår af samarbejdet (§ 11 a, stk. 2).\napplications:\n",
    );
    out.push_str(&application_entry(&NewApplication {
        id: "ansoegning",
        phase: None,
        areas: case.leaving.iter().map(String::as_str).collect(),
        start: case.start,
        date: case.date,
        councils: applicants
            .iter()
            .map(|(_, name)| format!("Kommunalbestyrelsen i {name} Kommune"))
            .collect(),
        applicants,
        ministry: &case.ministry,
    }));
    out
}

fn declaration(case: &Case) -> String {
    let applicants: Vec<&str> = case.applicants().iter().map(|m| m.id.as_str()).collect();
    let mut out = modeline(2, "document");
    out.push_str("# Ansøgningsbrevet: skabelonen, faktaene og prosaen, som brevet dannes af.\n");
    out.push_str("template: ansoegning.typ.tera\noutput: ansoegning\n");
    out.push_str("title: \"Ansøgning om dispensation efter {{ law.dispensation | paragraf(i=law.name) }}\"\n");
    out.push_str(&format!("date: {}\n", case.date));
    out.push_str(&format!("authors: {}\n", ids(applicants)));
    out.push_str("keywords: [dispensation, § 11 a, ansøgning]\napplication: ansoegning\n");
    out.push_str("# Et udkast: PDF'en mærkes UDKAST, og en pladsholder giver en advarsel i\n# stedet for en fejl. Slet linjen, når alt er udfyldt og\n# kommunalbestyrelserne har besluttet at søge.\ndraft: true\n");
    out.push_str("prose:\n");
    for (name, _) in prose(case) {
        out.push_str(&format!("  {name}: prosa/ansoegning/{name}.md\n"));
    }
    out
}

/// The prose of the application, by the key its template places it under.
fn prose(case: &Case) -> Vec<(String, String)> {
    application_prose(case.applicants().len() > 1)
}

fn readme(case: &Case) -> String {
    format!(
        "# {name}

Et dokgen-projekt, oprettet med `dokgen new`. Projektet danner et udkast
(mærket UDKAST) til ansøgningen om, at {areas} udgår af samarbejdet.

## Sådan kommer du videre

1. `dokgen check` viser hvert faktum og hvert stykke tekst, der endnu er en
   pladsholder (`[indsæt …]`), med fil og linje. Udfyld dem i filerne under
   `content/`: fakta i YAML-filerne, brødteksten i `content/prosa/`.
2. Tilføj indbyggertallene med kilde (`population` i `content/kommuner/`).
   Tilføj kommunalbestyrelsernes beslutninger (`decisions` i
   `content/ansoegninger.yaml`), når de foreligger.
3. `dokgen build` skriver PDF'en i `output/`; `dokgen serve` viser den i
   browseren og opdaterer den, hver gang du gemmer.
4. Når alt er udfyldt, sletter du `draft: true` i
   `content/documents/ansoegning.yaml`. Så laves brevet kun, hvis intet
   mangler.

En editor med YAML-understøttelse (fx VS Code med Red Hats YAML-udvidelse) bruger
skemaerne i `schema/` til at foreslå felter og markere fejl, mens du
skriver. `dokgen templates` viser skabelonerne, som er indbygget i dokgen.
",
        name = case.name,
        areas = and_list(
            &case
                .areas
                .iter()
                .filter(|a| case.leaving.contains(&a.id))
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
        ),
    )
}

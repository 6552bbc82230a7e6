#pragma once

// A case built in code with markup, script, XML breakers and quotes in every field, for the exports
// that must keep case text as text (tst_htmlpage and the HTML page's browser check).

#include "casedata.h"

#include <QStringList>

namespace AT::Test {

// Each piece a different way to break out of where case text stands: an HTML element with a script,
// an image whose error handler runs, the end of the inline SVG, the end of a CDATA section, both
// quotes (attribute values), an entity, a comment, a control character and a bidi override.
inline QString hostile(const QString &what)
{
    return what + QStringLiteral(" <script>alert('") + what
        + QStringLiteral(
               "')</script><img src=x onerror=alert(1)></svg>]]>\"'&amp;<!-- <b onclick=\"x()\">\u0001\u202e");
}

// The strings a reader must see as text (hostile() without its control and bidi characters, which
// the page shows as escapes).
inline QStringList hostileTextMarkers()
{
    return {QStringLiteral("<script>alert('"), QStringLiteral("<img src=x onerror=alert(1)>"),
            QStringLiteral("</svg>]]>\"'&amp;<!-- <b onclick=\"x()\">")};
}

inline Citation hostileCitation(const Source &source, const QString &quote)
{
    Citation c;
    c.sourceId = source.id;
    c.quote = quote;
    c.start = source.text.indexOf(quote);
    c.end = c.start + quote.size();
    c.anchor = Citation::Anchor::Exact;
    return c;
}

inline Case hostileCase()
{
    Case k;
    k.title = hostile(QStringLiteral("title"));
    k.description = hostile(QStringLiteral("description")) + QStringLiteral("\nsecond line");

    Source s1;
    s1.id = QStringLiteral("\"><script>alert('s1')</script>");
    s1.title = hostile(QStringLiteral("source title"));
    s1.publisher = hostile(QStringLiteral("publisher"));
    s1.url = QStringLiteral("javascript:alert(document.cookie)//<script>");
    s1.text = QStringLiteral("Intro. ") + hostile(QStringLiteral("quote one")) + QStringLiteral(" middle ")
        + hostile(QStringLiteral("quote two")) + QStringLiteral(" end.");
    s1.sha256 = sha256Hex(s1.text);
    s1.published = DatePoint::fromDate(2024, 3, 25);
    Source s2;
    s2.id = QStringLiteral("s2' onmouseover='alert(2)");
    s2.title = QStringLiteral("<iframe src=\"https://evil.invalid\"></iframe>");
    s2.publisher = QStringLiteral("\" onload=\"alert(3)");
    s2.url = QStringLiteral("https://example.org/a?q=\"><script>alert(4)</script>&x='y'");
    s2.text = QStringLiteral("Second text with ") + hostile(QStringLiteral("quote three"));
    Source s3;
    s3.id = QStringLiteral("data");
    s3.title = hostile(QStringLiteral("reference"));
    s3.url = QStringLiteral("data:text/html,<script>alert(5)</script>");
    s3.sha256 = QStringLiteral("<b>not-a-hash</b>");
    s3.referenceOnly = true;
    Source s4;
    s4.id = QStringLiteral("web");
    s4.title = QStringLiteral("A web page");
    s4.url = QStringLiteral("https://example.org/news?id=1&q='x'");
    s4.text = QStringLiteral("Nothing cited.");
    k.sources = {s1, s2, s3, s4};

    Actor a;
    a.id = QStringLiteral("<svg onload=alert(6)>");
    a.name = hostile(QStringLiteral("actor name"));
    a.kind = hostile(QStringLiteral("kind"));
    a.description = hostile(QStringLiteral("actor description"));
    a.notes = hostile(QStringLiteral("actor notes"));
    Alias alias;
    alias.name = hostile(QStringLiteral("alias"));
    alias.usedBy = {QStringLiteral("<svg onload=alert(6)>"), QStringLiteral("missing\"actor")};
    alias.citations = {hostileCitation(s1, hostile(QStringLiteral("quote one")))};
    a.aliases = {alias};
    a.citations = {hostileCitation(s2, hostile(QStringLiteral("quote three")))};
    Actor b;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("</text></svg><script>alert(7)</script>");
    b.kind = QStringLiteral("government");
    Affiliation aff;
    aff.actorId = a.id;
    aff.relation = hostile(QStringLiteral("relation"));
    aff.citations = {hostileCitation(s1, hostile(QStringLiteral("quote two")))};
    b.affiliations = {aff};
    k.actors = {a, b};

    Event e1;
    e1.id = QStringLiteral("\"><img src=x onerror=alert(8)>");
    e1.title = hostile(QStringLiteral("event title"));
    e1.summary = hostile(QStringLiteral("event summary"));
    e1.category = hostile(QStringLiteral("category"));
    PartialDate d = PartialDate::openStart(DatePoint::fromDate(2024, 3, 25));
    d.setApproximate(true);
    d.setQualifier(hostile(QStringLiteral("qualifier")));
    DateProvenance p;
    p.kind = DateProvenance::Kind::Relative;
    p.expression = hostile(QStringLiteral("expression"));
    p.reference = DatePoint::fromDate(2024, 3, 26);
    p.referenceNote = hostile(QStringLiteral("reference note"));
    p.citations = {hostileCitation(s1, hostile(QStringLiteral("quote two")))};
    d.setProvenance(p);
    e1.date = d;
    e1.participants = {{a.id, hostile(QStringLiteral("role"))}, {QStringLiteral("<missing>"), QStringLiteral("x")}};
    e1.citations = {hostileCitation(s1, hostile(QStringLiteral("quote one"))),
                    hostileCitation(s2, hostile(QStringLiteral("quote three")))};
    e1.tags = {hostile(QStringLiteral("tag"))};
    e1.disagreements = {QStringLiteral("<d>")};
    e1.notes = hostile(QStringLiteral("event notes"));
    Event e2;
    e2.id = QStringLiteral("]]></svg>");
    e2.title = QStringLiteral("</a></text></g></svg></section><script>alert(9)</script>");
    e2.category = QStringLiteral("other");
    e2.date = PartialDate::range(DatePoint::fromYear(2021), DatePoint::fromYear(2022));
    e2.citations = {hostileCitation(s1, hostile(QStringLiteral("quote two")))};
    k.events = {e1, e2};

    Claim c;
    c.id = QStringLiteral("c'\"");
    c.attributorId = b.id;
    c.subjectId = a.id;
    c.eventId = e1.id;
    c.statement = hostile(QStringLiteral("statement"));
    c.confidence = hostile(QStringLiteral("highly likely"));
    c.confidenceValue = 80;
    c.yardstick = hostile(QStringLiteral("yardstick"));
    c.date = PartialDate(DatePoint::fromDate(2024, 3, 25));
    c.citations = {hostileCitation(s1, hostile(QStringLiteral("quote one")))};
    c.disagreements = {QStringLiteral("<d>")};
    c.notes = hostile(QStringLiteral("claim notes"));
    // Its wording is not in its quote (casechecks.h): accepted, for a reason as hostile as the rest.
    AcceptedWarning accepted;
    accepted.rule = QStringLiteral("confidence-not-quoted");
    accepted.reason = hostile(QStringLiteral("reason"));
    c.acceptedWarnings = {accepted};
    Claim c2;
    c2.id = QStringLiteral("denial");
    c2.attributorId = a.id;
    c2.subjectId = a.id;
    c2.statement = QStringLiteral("We did not");
    c2.disputes = {c.id};
    k.claims = {c, c2};

    Disagreement dis;
    dis.id = QStringLiteral("<d>");
    dis.question = hostile(QStringLiteral("question"));
    DisagreementVersion v1 {hostile(QStringLiteral("version one")),
                            {hostileCitation(s1, hostile(QStringLiteral("quote one")))}};
    DisagreementVersion v2 {hostile(QStringLiteral("version two")),
                            {hostileCitation(s2, hostile(QStringLiteral("quote three")))}};
    dis.versions = {v1, v2};
    k.disagreements = {dis};
    return k;
}

} // namespace AT::Test

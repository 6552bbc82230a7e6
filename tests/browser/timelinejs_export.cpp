// The TimelineJS export for the browser test (timelinejs_in_chromium.py), through the real exporter:
//
//   timelinejs_export [--lane category|actor|none] [--hostile] (--builtin | CASE.json) OUT.json
//
// Writes the TimelineJS JSON of the case to OUT.json and prints "events N" (the case's event count,
// which the test expects as slides) and the exporter's notes. --hostile adds events, actors,
// sources and a disputed point whose every text field carries markup that would mark the page
// (data-injected on <html>) if it ever ran: the test asserts the mark is absent.
#include "builtincase.h"
#include "casereader.h"
#include "timelinejs.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace AT;

namespace {

QString payload(const QString &where)
{
    return QStringLiteral("<img src=x onerror=\"document.documentElement.setAttribute('data-injected','%1')\">"
                          "<script>document.documentElement.setAttribute('data-injected','%1-script')</script>")
        .arg(where);
}

void addHostileItems(Case &kase)
{
    Source s;
    s.id = QStringLiteral("hostile-source");
    s.title = payload(QStringLiteral("source-title"));
    s.publisher = payload(QStringLiteral("publisher"));
    s.url = QStringLiteral("https://example.org/?q=www.x'onmouseover='document.documentElement.setAttribute("
                           "\"data-injected\",\"url\")'");
    s.text = QStringLiteral("x www.y'onmouseover='alert(1)' ") + payload(QStringLiteral("quote"));
    kase.sources.append(s);
    Source js = s;
    js.id = QStringLiteral("hostile-js-url");
    js.url = QStringLiteral("javascript:document.documentElement.setAttribute('data-injected','js-url')");
    kase.sources.append(js);

    Actor a;
    a.id = QStringLiteral("hostile-actor");
    a.name = payload(QStringLiteral("actor-name"));
    a.kind = QStringLiteral("group");
    kase.actors.append(a);

    Disagreement d;
    d.id = QStringLiteral("hostile-dispute");
    d.question = payload(QStringLiteral("question"));
    d.versions = {DisagreementVersion {payload(QStringLiteral("version-1")), {}},
                  DisagreementVersion {payload(QStringLiteral("version-2")), {}}};
    kase.disagreements.append(d);

    Citation c;
    c.sourceId = s.id;
    c.quote = s.text;
    c.start = 0;
    c.end = s.text.size();
    Citation cjs = c;
    cjs.sourceId = js.id;

    Event e;
    e.id = QStringLiteral("hostile \" onmouseover=\"x");
    e.title = payload(QStringLiteral("headline"));
    e.summary = QStringLiteral("www.z'onmouseover='x'") + payload(QStringLiteral("summary"))
        + QStringLiteral("</p><p>\n") + payload(QStringLiteral("summary-2"));
    e.category = payload(QStringLiteral("category-group"));
    PartialDate date = PartialDate::openEnd(DatePoint::fromYearMonth(2023, 5));
    date.setQualifier(payload(QStringLiteral("display-date")));
    date.setApproximate(true);
    e.date = date;
    e.participants = {Participant {a.id, payload(QStringLiteral("role"))}};
    e.citations = {c, cjs};
    e.disagreements = {d.id};
    kase.events.append(e);

    // Already escaped once: were group or display_date escaped only once, TimelineJS would unescape
    // this to live markup.
    Event twice = e;
    twice.id = QStringLiteral("hostile-escaped-once");
    twice.category = QStringLiteral("&lt;img src=x onerror=\"document.documentElement.setAttribute("
                                    "'data-injected','pre-escaped-group')\"&gt;");
    PartialDate d2(DatePoint::fromDate(2023, 6, 1));
    d2.setQualifier(twice.category);
    twice.date = d2;
    kase.events.append(twice);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QTextStream out(stdout);
    QTextStream err(stderr);
    TimelineLane lane = TimelineLane::Category;
    bool hostile = false;
    QString casePath;
    QString outPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--lane") && i + 1 < args.size()) {
            const QString name = args.at(++i);
            lane = name == QLatin1String("actor") ? TimelineLane::Actor
                : name == QLatin1String("none")   ? TimelineLane::None
                                                  : TimelineLane::Category;
        } else if (a == QLatin1String("--hostile")) {
            hostile = true;
        } else if (a == QLatin1String("--builtin")) {
            casePath = builtinCasePath();
        } else if (casePath.isEmpty()) {
            casePath = a;
        } else {
            outPath = a;
        }
    }
    if (casePath.isEmpty() || outPath.isEmpty()) {
        err << "usage: timelinejs_export [--lane category|actor|none] [--hostile] (--builtin | CASE.json) OUT.json\n";
        return 2;
    }
    const CaseLoad load = CaseReader::readFile(casePath);
    if (!load.ok()) {
        for (const Problem &p : load.problems) {
            err << p.toString() << '\n';
        }
        return 1;
    }
    Case kase = load.kase;
    if (hostile) {
        addHostileItems(kase);
    }
    QStringList notes;
    const QByteArray json = timelineJsJson(kase, lane, &notes);
    QFile f(outPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size()) {
        err << "cannot write " << outPath << '\n';
        return 1;
    }
    out << "events " << kase.events.size() << '\n';
    for (const QString &n : std::as_const(notes)) {
        out << "note: " << n << '\n';
    }
    return 0;
}

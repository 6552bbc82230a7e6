#include "anchoring.h"
#include "casereader.h"
#include "casewriter.h"
#include "testcases.h"
#include "timelinejs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace AT;

namespace {

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("%s", qPrintable(error.errorString()));
    }
    return doc.object();
}

// The slide of an event, by its unique_id.
QJsonObject slideOf(const QJsonObject &root, const QString &uniqueId)
{
    for (const QJsonValue &v : root.value(QStringLiteral("events")).toArray()) {
        if (v.toObject().value(QStringLiteral("unique_id")).toString() == uniqueId) {
            return v.toObject();
        }
    }
    return {};
}

QString dateOf(const QJsonObject &slide, const QString &key)
{
    const QJsonObject d = slide.value(key).toObject();
    QStringList parts;
    for (const char *part : {"year", "month", "day"}) {
        const QJsonValue v = d.value(QLatin1String(part));
        if (!v.isUndefined()) {
            // TimelineJS takes numbers; the export writes numbers, never strings.
            parts << (v.isDouble() ? QString::number(v.toInt()) : QStringLiteral("not-a-number"));
        }
    }
    return parts.join(QLatin1Char('-'));
}

QByteArray readReference(const QString &name)
{
    QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/timelinejs3/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Case readCaseFile(const QString &path)
{
    CaseLoad load = CaseReader::readFile(path);
    if (!load.ok()) {
        for (const Problem &p : load.problems) {
            qWarning("%s", qPrintable(p.toString()));
        }
    }
    return load.kase;
}

// What the app does with a conversion: write the case and read it back. Returns the problems.
QList<Problem> writeAndRead(const Case &kase, Case *readBack = nullptr)
{
    const CaseLoad load = CaseReader::readData(CaseWriter::toJson(kase), QStringLiteral("converted.json"), QString());
    for (const Problem &p : load.problems) {
        qWarning("%s", qPrintable(p.toString()));
    }
    if (readBack) {
        *readBack = load.kase;
    }
    return load.problems;
}

// Every event's citation stands exactly at its position in the one source, the file's text.
bool citationsAnchor(const Case &kase)
{
    if (kase.sources.size() != 1) {
        return false;
    }
    const TextIndex index(kase.sources.first().text);
    for (const Event &e : kase.events) {
        if (e.citations.size() != 1 || !isAtStatedPosition(e.citations.first(), index)) {
            qWarning("%s: citation not at its position", qPrintable(e.id));
            return false;
        }
    }
    return true;
}

QString noteContaining(const QStringList &notes, const QString &needle)
{
    for (const QString &n : notes) {
        if (n.contains(needle)) {
            return n;
        }
    }
    return {};
}

Event datedEvent(const QString &id, const PartialDate &date)
{
    Event e;
    e.id = id;
    e.title = id;
    e.category = QStringLiteral("test");
    e.date = date;
    return e;
}

} // namespace

class TstTimelineJs : public QObject
{
    Q_OBJECT

private slots:
    void exportGivesOnlyThePartsThePrecisionGives();
    void displayDateSaysWhatIsUncertain_data();
    void displayDateSaysWhatIsUncertain();
    void groupsByCategoryAndByActor();
    void uniqueIdsAreEventIdsValidAsHtmlIds_data();
    void uniqueIdsAreEventIdsValidAsHtmlIds();
    void titleSlideIdNeverTakesAnEventsId();
    void slideTextHasCitationsAndDisputedPoints();
    void hostileTextIsEscaped();
    void eventWithoutDateIsReportedNotDropped();
    void importsErasJson();
    void importsCosmoJsonLeavingOutYearsACaseCannotHold();
    void importsCosmoMixedJson();
    void importsGroupsAsActors();
    void malformedInputIsRejectedWithItsPath_data();
    void malformedInputIsRejectedWithItsPath();
    void acceptedOddities();
    void emptyTimelineImports();
    void damagedFilesNeverGiveAnInvalidCase();
    void roundTripKeepsTitlesDatesAndGroups();
    void roundTripOfHostileTextKeepsItAsText();
};

void TstTimelineJs::exportGivesOnlyThePartsThePrecisionGives()
{
    const auto kase = Test::smallCase();
    QVERIFY(kase);
    QStringList notes;
    const QJsonObject root = parse(timelineJsJson(*kase, TimelineLane::Category, &notes));
    const QJsonArray slides = root.value(QStringLiteral("events")).toArray();
    QCOMPARE(slides.size(), kase->events.size());

    const QJsonObject sanction = slideOf(root, QStringLiteral("sanction"));
    QCOMPARE(dateOf(sanction, QStringLiteral("start_date")), QStringLiteral("2024-3-25"));
    QVERIFY(!sanction.contains(QStringLiteral("end_date")));
    QVERIFY(!sanction.contains(QStringLiteral("display_date")));

    const QJsonObject breach = slideOf(root, QStringLiteral("breach"));
    QCOMPARE(dateOf(breach, QStringLiteral("start_date")), QStringLiteral("2021"));
    QCOMPARE(dateOf(breach, QStringLiteral("end_date")), QStringLiteral("2022"));
    QVERIFY(!breach.contains(QStringLiteral("display_date")));

    const QJsonObject denial = slideOf(root, QStringLiteral("denial"));
    QCOMPARE(dateOf(denial, QStringLiteral("start_date")), QStringLiteral("2024-3"));
    QVERIFY(!denial.contains(QStringLiteral("end_date")));

    // Start unknown: placed at the known end, and the display date says the start is unknown.
    const QJsonObject campaign = slideOf(root, QStringLiteral("campaign"));
    QCOMPARE(dateOf(campaign, QStringLiteral("start_date")), QStringLiteral("2024-3-25"));
    QVERIFY(!campaign.contains(QStringLiteral("end_date")));
    QCOMPARE(campaign.value(QStringLiteral("display_date")).toString(), QStringLiteral("\u2026 \u2013 c. 25 Mar 2024"));
    QVERIFY(!noteContaining(notes, QStringLiteral("1 events have an unknown start")).isEmpty());

    // The title slide: the case's title and description.
    const QJsonObject title = root.value(QStringLiteral("title")).toObject();
    QCOMPARE(title.value(QStringLiteral("unique_id")).toString(), QStringLiteral("title"));
    QCOMPARE(title.value(QStringLiteral("text")).toObject().value(QStringLiteral("headline")).toString(),
             QStringLiteral("Small"));
}

void TstTimelineJs::displayDateSaysWhatIsUncertain_data()
{
    QTest::addColumn<PartialDate>("date");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("display"); // empty: no display_date

    const DatePoint day = DatePoint::fromDate(2024, 3, 25);
    QTest::newRow("stated day") << PartialDate(day) << "2024-3-25"
                                << ""
                                << "";
    QTest::newRow("month range") << PartialDate::range(DatePoint::fromYearMonth(2023, 9), DatePoint::fromYear(2024))
                                 << "2023-9"
                                 << "2024"
                                 << "";
    PartialDate approx(DatePoint::fromYear(2010));
    approx.setApproximate(true);
    QTest::newRow("approximate") << approx << "2010"
                                 << ""
                                 << "c. 2010";
    // Approximation belongs to an end: the exact end is shown without "c.".
    PartialDate aboutStart = PartialDate::range(DatePoint::fromYear(2010), day);
    aboutStart.setApproximate(PartialDate::Approximate::Start);
    QTest::newRow("start approximate") << aboutStart << "2010"
                                       << "2024-3-25"
                                       << "c. 2010 \u2013 25 Mar 2024";
    PartialDate aboutEnd = PartialDate::openStart(day);
    aboutEnd.setApproximate(PartialDate::Approximate::End);
    QTest::newRow("open start, end approximate") << aboutEnd << "2024-3-25"
                                                 << ""
                                                 << "\u2026 \u2013 c. 25 Mar 2024";
    PartialDate since = PartialDate::openEnd(DatePoint::fromYear(2010));
    since.setQualifier(QStringLiteral("at least since"));
    QTest::newRow("open end, qualifier") << since << "2010"
                                         << ""
                                         << "2010 \u2013 \u2026 (at least since)";
    PartialDate relative(DatePoint::fromYearMonth(2024, 2));
    DateProvenance p;
    p.kind = DateProvenance::Kind::Relative;
    p.expression = QStringLiteral("Last month");
    p.reference = DatePoint::fromDate(2024, 3, 26);
    relative.setProvenance(p);
    QTest::newRow("relative") << relative << "2024-2"
                              << ""
                              << "Feb 2024, from \u201cLast month\u201d";
    PartialDate inferred = PartialDate::openStart(day);
    DateProvenance q;
    q.kind = DateProvenance::Kind::Inferred;
    inferred.setProvenance(q);
    QTest::newRow("open start, inferred") << inferred << "2024-3-25"
                                          << ""
                                          << "\u2026 \u2013 25 Mar 2024, inferred";
    // A qualifier is case text: escaped twice, as TimelineJS unescapes display_date once.
    PartialDate hostile(day);
    hostile.setQualifier(QStringLiteral("<b>\"x\" & 'y'</b>"));
    QTest::newRow("qualifier with markup")
        << hostile << "2024-3-25"
        << ""
        << "25 Mar 2024 (&amp;lt;b&amp;gt;&amp;quot;x&amp;quot; &amp;amp; &amp;#39;y&amp;#39;&amp;lt;/b&amp;gt;)";
}

void TstTimelineJs::displayDateSaysWhatIsUncertain()
{
    QFETCH(PartialDate, date);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, display);
    Case kase;
    kase.title = QStringLiteral("t");
    kase.events.append(datedEvent(QStringLiteral("e"), date));
    const QJsonObject slide = slideOf(parse(timelineJsJson(kase)), QStringLiteral("e"));
    QCOMPARE(dateOf(slide, QStringLiteral("start_date")), start);
    QCOMPARE(dateOf(slide, QStringLiteral("end_date")), end);
    QCOMPARE(slide.value(QStringLiteral("display_date")).toString(), display);
    QCOMPARE(slide.contains(QStringLiteral("display_date")), !display.isEmpty());
}

void TstTimelineJs::groupsByCategoryAndByActor()
{
    auto small = Test::smallCase();
    QVERIFY(small);
    Case kase = *small;
    // The lane's actor: an attacker before anyone listed earlier, else the accused, else the first.
    Event late = datedEvent(QStringLiteral("attacker-second"), PartialDate(DatePoint::fromYear(2020)));
    late.participants
        = {{QStringLiteral("uk"), QStringLiteral("target")}, {QStringLiteral("apt31"), QStringLiteral("attacker")}};
    Event accused = datedEvent(QStringLiteral("accused-second"), PartialDate(DatePoint::fromYear(2020)));
    accused.participants
        = {{QStringLiteral("uk"), QStringLiteral("attributor")}, {QStringLiteral("cn"), QStringLiteral("accused")}};
    Event nobody = datedEvent(QStringLiteral("nobody"), PartialDate(DatePoint::fromYear(2020)));
    kase.events << late << accused << nobody;

    const QJsonObject byCategory = parse(timelineJsJson(kase, TimelineLane::Category));
    const QJsonObject byActor = parse(timelineJsJson(kase, TimelineLane::Actor));
    const QList<std::tuple<QString, QString, QString>> expected {
        {QStringLiteral("sanction"), QStringLiteral("sanction"), QStringLiteral("UK government")},
        {QStringLiteral("breach"), QStringLiteral("intrusion"), QStringLiteral("APT31")},
        {QStringLiteral("denial"), QStringLiteral("denial"), QStringLiteral("Chinese government")},
        {QStringLiteral("campaign"), QStringLiteral("campaign"), QStringLiteral("APT31")},
        {QStringLiteral("attacker-second"), QStringLiteral("test"), QStringLiteral("APT31")},
        {QStringLiteral("accused-second"), QStringLiteral("test"), QStringLiteral("Chinese government")},
        {QStringLiteral("nobody"), QStringLiteral("test"), QStringLiteral("(no actor named)")},
    };
    for (const auto &[id, category, actor] : expected) {
        QCOMPARE(slideOf(byCategory, id).value(QStringLiteral("group")).toString(), category);
        QCOMPARE(slideOf(byActor, id).value(QStringLiteral("group")).toString(), actor);
    }
    // No lane: no slide has a group, and the notes say where categories and actors went.
    QStringList notes;
    const QJsonObject none = parse(timelineJsJson(kase, TimelineLane::None, &notes));
    for (const QJsonValue &v : none.value(QStringLiteral("events")).toArray()) {
        QVERIFY(!v.toObject().contains(QStringLiteral("group")));
    }
    QCOMPARE(none.value(QStringLiteral("events")).toArray().size(), kase.events.size());
    QVERIFY(notes.contains(QStringLiteral("No groups: TimelineJS stacks the slides in rows of its own; categories and "
                                          "actors are in each slide's text.")));
}

void TstTimelineJs::uniqueIdsAreEventIdsValidAsHtmlIds_data()
{
    QTest::addColumn<QString>("eventId");
    QTest::addColumn<QString>("uniqueId");
    QTest::newRow("plain") << "ev-2024-03-25_uk.sanctions:1"
                           << "ev-2024-03-25_uk.sanctions:1";
    QTest::newRow("space") << "a b"
                           << "a%20b";
    QTest::newRow("percent") << "100%"
                             << "100%25";
    QTest::newRow("quote and markup") << "e\" onclick=\"x<"
                                      << "e%22%20onclick%3D%22x%3C";
    QTest::newRow("non-ASCII") << "événement"
                               << "%C3%A9v%C3%A9nement";
    QTest::newRow("emoji") << "\U0001F600"
                           << "%F0%9F%98%80";
}

void TstTimelineJs::uniqueIdsAreEventIdsValidAsHtmlIds()
{
    QFETCH(QString, eventId);
    QFETCH(QString, uniqueId);
    QCOMPARE(timelineJsUniqueId(eventId), uniqueId);
    QCOMPARE(eventIdFromTimelineJs(uniqueId), eventId);
    // Valid as an HTML id: not empty, no white space.
    QVERIFY(!uniqueId.isEmpty());
    QVERIFY(!uniqueId.contains(QRegularExpression(QStringLiteral("\\s"))));
    // A foreign id that our encoding could not have written stays as it is.
    QCOMPARE(eventIdFromTimelineJs(QStringLiteral("50%off")), QStringLiteral("50%off"));
    QCOMPARE(eventIdFromTimelineJs(QStringLiteral("tl-slide-abc")), QStringLiteral("tl-slide-abc"));
    QCOMPARE(eventIdFromTimelineJs(QStringLiteral("%FF")), QStringLiteral("%FF")); // not UTF-8
}

void TstTimelineJs::titleSlideIdNeverTakesAnEventsId()
{
    Case kase;
    kase.title = QStringLiteral("Title");
    kase.events << datedEvent(QStringLiteral("title"), PartialDate(DatePoint::fromYear(2020)))
                << datedEvent(QStringLiteral("title-2"), PartialDate(DatePoint::fromYear(2021)));
    const QJsonObject root = parse(timelineJsJson(kase));
    QCOMPARE(root.value(QStringLiteral("title")).toObject().value(QStringLiteral("unique_id")).toString(),
             QStringLiteral("title-3"));
    QCOMPARE(slideOf(root, QStringLiteral("title"))
                 .value(QStringLiteral("text"))
                 .toObject()
                 .value(QStringLiteral("headline"))
                 .toString(),
             QStringLiteral("title"));
}

void TstTimelineJs::slideTextHasCitationsAndDisputedPoints()
{
    auto small = Test::smallCase();
    QVERIFY(small);
    Case kase = *small;
    kase.sources[0].publisher = QStringLiteral("Example News");
    kase.sources[0].url = QStringLiteral("https://example.org/a?x=1&y=2");
    kase.sources[0].published = DatePoint::fromDate(2024, 3, 26);
    kase.sources[1].url = QStringLiteral("javascript:alert(1)");
    const QJsonObject root = parse(timelineJsJson(kase));
    const QString breach = slideOf(root, QStringLiteral("breach"))
                               .value(QStringLiteral("text"))
                               .toObject()
                               .value(QStringLiteral("text"))
                               .toString();
    QVERIFY2(breach.contains(QStringLiteral("<blockquote>hit the Électoral register\n</blockquote>")),
             qPrintable(breach));
    QVERIFY2(breach.contains(QStringLiteral("<a href=\"https://example.org/a?x=1&amp;y=2\">Article A\n</a> \u00b7 "
                                            "publisher: Example News \u00b7 published 26 Mar 2024")),
             qPrintable(breach));
    QVERIFY(breach.contains(QStringLiteral("<b>Who:\n</b> APT31 (attacker)")));
    QVERIFY(breach.contains(
        QStringLiteral("<b>When:\n</b> 2021\u201322 (range, from year to year precision; stated in the source)")));
    QVERIFY(breach.contains(QStringLiteral("<b>Disputed:\n</b> How long?")));
    QVERIFY(breach.contains(QStringLiteral("<li>years (Article B)\n</li>")));
    QVERIFY(breach.contains(QStringLiteral("<li>2021 (Article A)\n</li>")));
    // Only http(s) addresses become links; another is shown as text.
    const QString denial = slideOf(root, QStringLiteral("denial"))
                               .value(QStringLiteral("text"))
                               .toObject()
                               .value(QStringLiteral("text"))
                               .toString();
    QVERIFY2(denial.contains(QStringLiteral("Article B \u00b7 publisher unknown \u00b7 publication date unknown \u00b7 "
                                            "address: javascript:alert(1)")),
             qPrintable(denial));
    QVERIFY(!denial.contains(QStringLiteral("href=\"javascript")));
}

void TstTimelineJs::hostileTextIsEscaped()
{
    const Case kase = readCaseFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json"));
    QCOMPARE(kase.events.size(), 2);
    const QByteArray json = timelineJsJson(kase, TimelineLane::Actor);
    // Pasted into a <script> element, the JSON cannot end it.
    QVERIFY(!json.contains('<'));
    const QJsonObject root = parse(json);
    const QJsonObject title = root.value(QStringLiteral("title")).toObject().value(QStringLiteral("text")).toObject();
    QCOMPARE(title.value(QStringLiteral("headline")).toString(),
             QStringLiteral("US &amp; UK &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;sanctions&quot; "
                            "\u0001\u001b[2J"));
    const QJsonObject e1 = slideOf(root, QStringLiteral("e1"));
    QCOMPARE(e1.value(QStringLiteral("text")).toObject().value(QStringLiteral("headline")).toString(),
             QStringLiteral("&lt;script&gt;alert(2)&lt;/script&gt; &amp; \u0007bell"));
    // group: TimelineJS takes the text of its markup and shows that as HTML, so it is escaped twice.
    QCOMPARE(e1.value(QStringLiteral("group")).toString(),
             QStringLiteral("&amp;lt;img src=&amp;quot;file:///dev/zero&amp;quot;&amp;gt; Group"));
    const QJsonObject e2 = slideOf(root, QStringLiteral("e2"));
    QCOMPARE(e2.value(QStringLiteral("group")).toString(),
             QStringLiteral("&amp;lt;/text&amp;gt;&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;"));
    const QJsonObject byCategory = parse(timelineJsJson(kase, TimelineLane::Category));
    QCOMPARE(slideOf(byCategory, QStringLiteral("e1")).value(QStringLiteral("group")).toString(),
             QStringLiteral("&amp;lt;b&amp;gt;cat&amp;lt;/b&amp;gt;"));

    // In the slide text the only tags are the export's own, and every one of them follows white
    // space or another tag (TimelineJS's linkify cannot run a link from case text into them).
    static const QRegularExpression ownTags(QStringLiteral("</?(p|b|blockquote|ul|li|br)>|<a href=\"[^\"<>]*\">|</a>"));
    for (const QJsonValue &v : root.value(QStringLiteral("events")).toArray()) {
        const QString text
            = v.toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
        QString withoutOwn = text;
        withoutOwn.remove(ownTags);
        QVERIFY2(!withoutOwn.contains(QLatin1Char('<')) && !withoutOwn.contains(QLatin1Char('>')), qPrintable(text));
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[^\\s>]<"))), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('\'')) && !text.contains(QLatin1String("\"x")));
    }
    const QString e2Text = e2.value(QStringLiteral("text")).toObject().value(QStringLiteral("text")).toString();
    QVERIFY2(e2Text.contains(QStringLiteral("<blockquote>said &lt;script&gt; &amp; more\n</blockquote>")),
             qPrintable(e2Text));
    QVERIFY(
        e2Text.contains(QStringLiteral("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt; (&lt;i&gt;accuser&lt;/i&gt;)")));
    QVERIFY(e2Text.contains(QStringLiteral(
        "&lt;b&gt;Article&lt;/b&gt; &amp; co \u00b7 publisher: &lt;img src=&quot;file:///dev/zero&quot;&gt;")));
}

void TstTimelineJs::eventWithoutDateIsReportedNotDropped()
{
    Case kase;
    kase.title = QStringLiteral("t");
    kase.events << datedEvent(QStringLiteral("dated"), PartialDate(DatePoint::fromYear(2020)))
                << datedEvent(QStringLiteral("<undated>"), PartialDate());
    QStringList notes;
    const QJsonObject root = parse(timelineJsJson(kase, TimelineLane::Category, &notes));
    QCOMPARE(root.value(QStringLiteral("events")).toArray().size(), 1);
    QCOMPARE(notes.first(), QStringLiteral("1 of 2 events are slides of the TimelineJS file, after a title slide."));
    QCOMPARE(noteContaining(notes, QStringLiteral("no date")),
             QStringLiteral("1 events have no date TimelineJS can place and were left out (they are named on the "
                            "title slide): <undated>."));
    const QString titleText = root.value(QStringLiteral("title"))
                                  .toObject()
                                  .value(QStringLiteral("text"))
                                  .toObject()
                                  .value(QStringLiteral("text"))
                                  .toString();
    QVERIFY2(titleText.contains(QStringLiteral("<li>&lt;undated&gt;\n</li>")), qPrintable(titleText));
}

void TstTimelineJs::importsErasJson()
{
    const QByteArray json = readReference(QStringLiteral("eras.json"));
    QVERIFY(!json.isEmpty());
    QCOMPARE(sniffFormat(json), FileFormat::TimelineJs);
    QCOMPARE(sniffFormat(readReference(QStringLiteral("cosmo.json"))), FileFormat::TimelineJs);
    QCOMPARE(sniffFormat(readReference(QStringLiteral("cosmo-mixed.json"))), FileFormat::TimelineJs);
    const Conversion c = caseFromTimelineJs(json, QStringLiteral("eras.json"));
    QVERIFY(c.problems.isEmpty());
    const Case &k = c.kase;
    QCOMPARE(k.title, QStringLiteral("Eras Test"));
    QCOMPARE(
        k.description,
        QStringLiteral("Events in the 7th century from https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages"));
    QCOMPARE(k.events.size(), 23); // 20 slides and 3 eras
    QCOMPARE(k.sources.size(), 1);
    const Source &s = k.sources.first();
    QCOMPARE(s.title, QStringLiteral("Eras Test"));
    QVERIFY(s.publisher.isEmpty() && s.url.isEmpty() && !s.published.isValid());
    QVERIFY(s.text.startsWith(QStringLiteral("Eras Test\nEvents in the 7th century from https://en.wikipedia.org/"
                                             "wiki/Timeline_of_the_Middle_Ages\n\n602 to 629\nLast great Roman-Persian "
                                             "War.\nLong conflict leaves")));
    QVERIFY(citationsAnchor(k));

    const Event &first = k.events.at(0);
    QCOMPARE(first.id, QStringLiteral("slide-1"));
    QCOMPARE(first.title, QStringLiteral("Last great Roman-Persian War."));
    QCOMPARE(first.category, QStringLiteral("(no group)"));
    QCOMPARE(first.date, PartialDate::range(DatePoint::fromYear(602), DatePoint::fromYear(629)));
    QCOMPARE(
        first.citations.first().quote,
        QStringLiteral("602 to 629\nLast great Roman-Persian War.\nLong conflict leaves both empires exhausted and "
                       "unable to cope with the newly united Arab armies under Islam in the 630s"));
    const Event &migration = k.events.at(2);
    QCOMPARE(migration.title, QStringLiteral("Muhammad Migrates from Mecca to Medina"));
    QCOMPARE(migration.date, PartialDate::range(DatePoint::fromDate(622, 8, 9), DatePoint::fromDate(622, 8, 23)));
    QCOMPARE(k.events.at(4).date, PartialDate(DatePoint::fromDate(627, 12, 12)));
    QCOMPARE(k.events.at(3).date, PartialDate(DatePoint::fromYear(626)));
    // An empty text leaves the summary empty.
    QCOMPARE(k.events.at(9).title, QStringLiteral("Arab Army led by Omar Ibn Al-'Aas takes Alexandria"));
    QVERIFY(k.events.at(9).summary.isEmpty());
    for (int i = 0; i < 3; ++i) {
        const Event &era = k.events.at(20 + i);
        QCOMPARE(era.id, QStringLiteral("era-%1").arg(i + 1));
        QCOMPARE(era.category, QStringLiteral("TimelineJS era"));
    }
    QCOMPARE(k.events.at(20).title, QStringLiteral("Era Test 650-700"));
    QCOMPARE(k.events.at(20).date, PartialDate::range(DatePoint::fromYear(650), DatePoint::fromYear(700)));

    QCOMPARE(c.notes.first(),
             QStringLiteral("Imported 20 of 20 slides and 3 of 3 eras of the TimelineJS file as events."));
    QVERIFY(!noteContaining(c.notes,
                            QStringLiteral("19 slides (the title slide and eras counted) have media or a background "
                                           "image; they were not fetched"))
                 .isEmpty());
    QVERIFY(writeAndRead(k).isEmpty());
}

void TstTimelineJs::importsCosmoJsonLeavingOutYearsACaseCannotHold()
{
    const QByteArray json = readReference(QStringLiteral("cosmo.json"));
    QVERIFY(!json.isEmpty());
    const Conversion c = caseFromTimelineJs(json, QStringLiteral("cosmo.json"));
    QVERIFY(c.problems.isEmpty());
    // Every slide is before the year 1: none becomes an event, each is named with its year.
    QCOMPARE(c.kase.events.size(), 0);
    QCOMPARE(c.notes.first(),
             QStringLiteral("Imported 0 of 7 slides and 0 of 0 eras of the TimelineJS file as events."));
    QCOMPARE(noteContaining(c.notes, QStringLiteral("events[0]")),
             QStringLiteral("Slide events[0] (\u201cThe Big Bang\u201d) was left out: its start year -13800000000 is "
                            "outside the years a case can hold (1 to 9999, of the common era); its text is in the "
                            "source."));
    QVERIFY(noteContaining(c.notes, QStringLiteral("events[4]")).contains(QStringLiteral("Paleozoic era")));
    QVERIFY(noteContaining(c.notes, QStringLiteral("events[6]")).contains(QStringLiteral("year -3500 ")));
    QVERIFY(!noteContaining(c.notes, QStringLiteral("7 slides were left out")).isEmpty());
    // Their text stays in the source, the file itself.
    QCOMPARE(c.kase.sources.size(), 1);
    QVERIFY(
        c.kase.sources.first().text.contains(QStringLiteral("-13800000000\nThe Big Bang\nAs far back as we can go")));
    QVERIFY(c.kase.sources.first().text.contains(QStringLiteral("-538800000 to -251902000\nPaleozoic era")));
    QVERIFY(writeAndRead(c.kase).isEmpty());
}

void TstTimelineJs::importsCosmoMixedJson()
{
    const Conversion c
        = caseFromTimelineJs(readReference(QStringLiteral("cosmo-mixed.json")), QStringLiteral("cosmo-mixed.json"));
    QVERIFY(c.problems.isEmpty());
    const Case &k = c.kase;
    QCOMPARE(k.title, QStringLiteral("A Brief History of Light"));
    QStringList titles;
    QStringList dates;
    for (const Event &e : k.events) {
        titles << e.title;
        dates << e.date.describe();
    }
    QCOMPARE(titles,
             (QStringList {QStringLiteral("Ibn al-Haytham's Book of Optics"),
                           QStringLiteral("Galileo Points a Telescope at the Moon"),
                           QStringLiteral("The First Photograph"), QStringLiteral("Apollo 11: Humans Walk on the Moon"),
                           QStringLiteral("Hubble Space Telescope Deployed")}));
    QCOMPARE(dates,
             (QStringList {QStringLiteral("1021 (year precision; stated in the source)"),
                           QStringLiteral("Nov 1609 (month precision; stated in the source)"),
                           QStringLiteral("1826 (year precision; stated in the source)"),
                           QStringLiteral("20 Jul 1969 (day precision; stated in the source)"),
                           QStringLiteral("25 Apr 1990 (day precision; stated in the source)")}));
    QCOMPARE(k.events.first().id, QStringLiteral("slide-7"));
    QCOMPARE(k.events.first().summary,
             QStringLiteral("The polymath correctly explains that light travels from objects to the eye, describes the "
                            "camera obscura, and lays the foundation for modern optics and the scientific method."));
    QCOMPARE(c.notes.first(),
             QStringLiteral("Imported 5 of 11 slides and 0 of 0 eras of the TimelineJS file as events."));
    QVERIFY(noteContaining(c.notes, QStringLiteral("events[5]")).contains(QStringLiteral("Euclid's Optica")));
    QVERIFY(noteContaining(c.notes, QStringLiteral("events[5]")).contains(QStringLiteral("year -300 ")));
    QVERIFY(
        !noteContaining(c.notes, QStringLiteral("12 slides (the title slide and eras counted) have media")).isEmpty());
    QVERIFY(citationsAnchor(k));
    QVERIFY(writeAndRead(k).isEmpty());
}

void TstTimelineJs::importsGroupsAsActors()
{
    const QByteArray json = R"({"title": {"text": {"headline": "G"}}, "events": [
        {"start_date": {"year": 2020}, "group": "APT31", "text": {"headline": "a"}},
        {"start_date": {"year": 2021}, "group": "Politics &amp; Law", "text": {"headline": "b"}},
        {"start_date": {"year": 2022}, "group": "APT31", "text": {"headline": "c"}},
        {"start_date": {"year": 2023}, "text": {"headline": "d"}}]})";
    const Conversion byCategory = caseFromTimelineJs(json, QStringLiteral("g.json"));
    QVERIFY(byCategory.problems.isEmpty());
    QStringList categories;
    for (const Event &e : byCategory.kase.events) {
        categories << e.category;
    }
    QCOMPARE(categories,
             (QStringList {QStringLiteral("APT31"), QStringLiteral("Politics & Law"), QStringLiteral("APT31"),
                           QStringLiteral("(no group)")}));
    QVERIFY(byCategory.kase.actors.isEmpty());

    const Conversion byActor = caseFromTimelineJs(json, QStringLiteral("g.json"), TimelineLane::Actor);
    QVERIFY(byActor.problems.isEmpty());
    const Case &k = byActor.kase;
    QCOMPARE(k.actors.size(), 2);
    QCOMPARE(k.actors.at(0).name, QStringLiteral("APT31"));
    QCOMPARE(k.actors.at(0).kind, QStringLiteral("unknown"));
    QCOMPARE(k.actors.at(1).name, QStringLiteral("Politics & Law"));
    QCOMPARE(k.events.at(0).participants, (QList<Participant> {{QStringLiteral("APT31"), QStringLiteral("unknown")}}));
    QCOMPARE(k.events.at(2).participants, k.events.at(0).participants);
    QVERIFY(k.events.at(3).participants.isEmpty());
    QCOMPARE(k.events.at(3).category, QStringLiteral("TimelineJS slide"));
    QVERIFY(writeAndRead(k).isEmpty());
}

void TstTimelineJs::malformedInputIsRejectedWithItsPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::newRow("not JSON")
        << QByteArray("{\"events\": [\n  {\"start_date\": }\n]}") << ""
        << "not valid JSON (object is missing after a comma); a TimelineJS file is one JSON object with an "
           "\"events\" array";
    QTest::newRow("array") << QByteArray("[]") << ""
                           << "expected a JSON object with an \"events\" array, found an array";
    QTest::newRow("no events")
        << QByteArray("{\"title\": {}}") << "events"
        << "is required (an array of slides) but is nothing; a TimelineJS file lists its slides in \"events\"";
    QTest::newRow("events object")
        << QByteArray("{\"events\": {}}") << "events"
        << "is required (an array of slides) but is an object; a TimelineJS file lists its slides in \"events\"";
    QTest::newRow("slide string") << QByteArray("{\"events\": [\"x\"]}") << "events[0]"
                                  << "expected an object (a slide), found a string";
    QTest::newRow("date string")
        << QByteArray("{\"events\": [{\"start_date\": \"2024-03-25\"}]}") << "events[0].start_date"
        << "expected an object such as {\"year\": 2024, \"month\": 3, \"day\": 25}, found a string";
    QTest::newRow("ISO year") << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"2024-03-25\"}}]}")
                              << "events[0].start_date.year"
                              << "\"2024-03-25\" is not a number; TimelineJS refuses it (invalid_date_err): write the "
                                 "year as digits only, e.g. \"2024\"";
    QTest::newRow("month name") << QByteArray(
        "{\"events\": [{}, {\"start_date\": {\"year\": 2024, \"month\": \"March\"}}]}")
                                << "events[1].start_date.month"
                                << "\"March\" is not a number; TimelineJS refuses it (invalid_date_err): write the "
                                   "month as digits only, e.g. \"3\" for March";
    QTest::newRow("month 13") << QByteArray("{\"events\": [{\"start_date\": {\"year\": 2024, \"month\": 13}}]}")
                              << "events[0].start_date.month"
                              << "13 is not a month; write 1 to 12";
    QTest::newRow("30 February") << QByteArray(
        "{\"events\": [{\"start_date\": {\"year\": 2023, \"month\": 2, \"day\": 30}}]}")
                                 << "events[0].start_date.day"
                                 << "2023-02 has no day 30; correct the day";
    QTest::newRow("fraction")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 2023.5}}]}") << "events[0].start_date.year"
        << "expected a whole number, found 2023.5; TimelineJS needs whole numbers for the parts of a date";
    QTest::newRow("no year") << QByteArray("{\"events\": [{\"start_date\": {\"month\": 3}}]}")
                             << "events[0].start_date.year"
                             << "is required: TimelineJS places a slide by its year; add \"year\"";
    QTest::newRow("huge year")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": \"99999999999999999999999\"}}]}")
        << "events[0].start_date.year"
        << "\"99999999999999999999999\" is too large a number for a date; TimelineJS cannot place "
           "it either: give a smaller year";
    QTest::newRow("headline number")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 1}, \"text\": {\"headline\": 5}}]}")
        << "events[0].text.headline"
        << "expected a string, found a number; TimelineJS reads \"headline\" as text: write it in quotes";
    QTest::newRow("text array") << QByteArray("{\"events\": [{\"start_date\": {\"year\": 1}, \"text\": []}]}")
                                << "events[0].text"
                                << "expected an object {\"headline\": …, \"text\": …}, found an array";
    QTest::newRow("group object")
        << QByteArray("{\"events\": [{\"start_date\": {\"year\": 1}, \"group\": {}}]}") << "events[0].group"
        << "expected a string, found an object; TimelineJS reads \"group\" as text: write it in quotes";
    QTest::newRow("era without end") << QByteArray("{\"events\": [], \"eras\": [{\"start_date\": {\"year\": 1}}]}")
                                     << "eras[0].end_date"
                                     << "an era needs a start_date and an end_date (TimelineJS refuses it too)";
    QTest::newRow("eras object") << QByteArray("{\"events\": [], \"eras\": {}}") << "eras"
                                 << "expected an array of eras, found an object";
    QTest::newRow("title string") << QByteArray("{\"events\": [], \"title\": \"T\"}") << "title"
                                  << "expected an object (a slide), found a string";
}

void TstTimelineJs::malformedInputIsRejectedWithItsPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, message);
    const Conversion c = caseFromTimelineJs(json, QStringLiteral("bad.json"));
    QVERIFY(hasErrors(c.problems));
    const Problem &p = c.problems.first();
    QVERIFY(p.isError());
    QCOMPARE(p.file, QStringLiteral("bad.json"));
    QCOMPARE(p.path, path);
    QCOMPARE(p.message, message);
    if (QByteArray(QTest::currentDataTag()) == "not JSON") {
        QCOMPARE(p.line, 2);
        QCOMPARE(p.column, 18); // the '}' where a value should be
    }
}

void TstTimelineJs::acceptedOddities()
{
    // What TimelineJS accepts and a case cannot hold is said, never silently changed.
    const QByteArray json = R"({"events": [
        {"text": {"headline": "no date"}},
        {"start_date": {"year": "2024", "month": "03"}, "end_date": {"year": 2023}, "text": {"headline": "backwards"}},
        {"start_date": {"year": 2020}, "end_date": {"year": 10000}, "text": {"headline": "far end"}},
        {"start_date": {"year": 2020, "month": 5, "day": 1, "hour": 13}, "unique_id": "x", "text": {"text": "<p>Only <b>text</b> here</p>"}},
        {"start_date": {"year": 2020, "day": 4}, "unique_id": "x", "display_date": "Spring &amp;amp; summer", "text": {"headline": "dup"}},
        {"start_date": {"year": 2021}, "end_date": {"year": "2021"}, "unique_id": "a%20b", "text": {"headline": "same end"}}
    ]})";
    const Conversion c = caseFromTimelineJs(json, QStringLiteral("odd.json"));
    QVERIFY(!hasErrors(c.problems));
    QStringList problems;
    for (const Problem &p : c.problems) {
        problems << p.path + QStringLiteral(": ") + p.message;
    }
    QCOMPARE(
        problems,
        (QStringList {
            QStringLiteral(
                "events[4].start_date.day: a day without a month cannot be placed; the date is kept to its year"),
            QStringLiteral("events[0].start_date: the slide has no start_date; TimelineJS skips it and so does the "
                           "import (its text is in the source); add a start_date to place it"),
            QStringLiteral("events[1].end_date: the end (2023) is before the start (2024-03); TimelineJS accepts "
                           "that, a case does not: the end is left out (swap them in the file to keep the range)"),
            QStringLiteral("events[2].end_date.year: the end year 10000 is outside the years a case can hold (1 to "
                           "9999); the event keeps its start and an unknown end"),
        }));
    const Case &k = c.kase;
    QCOMPARE(k.events.size(), 5);
    QCOMPARE(k.events.at(0).date, PartialDate(DatePoint::fromYearMonth(2024, 3)));
    QCOMPARE(k.events.at(1).date, PartialDate::openEnd(DatePoint::fromYear(2020)));
    QCOMPARE(k.events.at(2).id, QStringLiteral("x"));
    QCOMPARE(k.events.at(2).title, QStringLiteral("Only text here (no headline)"));
    QCOMPARE(k.events.at(2).date, PartialDate(DatePoint::fromDate(2020, 5, 1)));
    QCOMPARE(k.events.at(3).id, QStringLiteral("x-2"));
    QCOMPARE(k.events.at(3).date.start(), DatePoint::fromYear(2020));
    QCOMPARE(k.events.at(3).date.qualifier(), QStringLiteral("Spring & summer"));
    QCOMPARE(k.events.at(4).id, QStringLiteral("a b"));
    QCOMPARE(k.events.at(4).date, PartialDate(DatePoint::fromYear(2021)));
    QVERIFY(!noteContaining(c.notes, QStringLiteral("1 dates give a time of day")).isEmpty());
    QVERIFY(!noteContaining(c.notes, QStringLiteral("its event is \u201cx-2\u201d")).isEmpty());
    QVERIFY(
        !noteContaining(c.notes, QStringLiteral("Slide events[0] (\u201cno date\u201d) has no start date")).isEmpty());
    QCOMPARE(k.title, QStringLiteral("odd.json")); // no title slide: the file's name
    QVERIFY(citationsAnchor(k));
    QVERIFY(writeAndRead(k).isEmpty());
}

void TstTimelineJs::emptyTimelineImports()
{
    const Conversion c = caseFromTimelineJs(QByteArray(R"({"events": []})"), QStringLiteral("/tmp/empty.json"));
    QVERIFY(c.problems.isEmpty());
    QCOMPARE(c.kase.title, QStringLiteral("empty.json"));
    QVERIFY(c.kase.events.isEmpty());
    QVERIFY(writeAndRead(c.kase).isEmpty());
}

void TstTimelineJs::damagedFilesNeverGiveAnInvalidCase()
{
    // Truncated and byte-flipped copies of TimelineJS3's examples: each is refused with an error, or
    // becomes a case that writes and reads back without an error. None crashes.
    QRandomGenerator random(16);
    qsizetype opened = 0;
    qsizetype refused = 0;
    for (const QString &name : {QStringLiteral("eras.json"), QStringLiteral("cosmo-mixed.json")}) {
        const QByteArray original = readReference(name);
        QList<QByteArray> damaged;
        for (qsizetype n = 0; n < original.size(); n += 37) {
            damaged << original.left(n);
        }
        for (int i = 0; i < 300; ++i) {
            QByteArray b = original;
            for (int flips = 0; flips < 3; ++flips) {
                b[random.bounded(b.size())] = "0123456789-\"<>&:,{}[] aZ\x01"[random.bounded(26)]; // index 25: the NUL
            }
            damaged << b;
        }
        // Values TimelineJS may meet, put in random places of the slides.
        const QJsonArray values {-5,
                                 0,
                                 1,
                                 2,
                                 12,
                                 13,
                                 29,
                                 31,
                                 32,
                                 9999,
                                 10000,
                                 2.5,
                                 QStringLiteral("02"),
                                 QStringLiteral(""),
                                 QStringLiteral("x"),
                                 QStringLiteral("<b>x</b>"),
                                 QJsonValue::Null,
                                 true,
                                 QJsonObject(),
                                 QJsonArray()};
        const QStringList dateKeys {QStringLiteral("year"), QStringLiteral("month"), QStringLiteral("day"),
                                    QStringLiteral("hour")};
        for (int i = 0; i < 300; ++i) {
            QJsonObject root = parse(original);
            QJsonArray events = root.value(QStringLiteral("events")).toArray();
            for (int change = 0; change < 2; ++change) {
                const int at = int(random.bounded(events.size()));
                QJsonObject slide = events.at(at).toObject();
                const QJsonValue value = values.at(random.bounded(values.size()));
                switch (random.bounded(4)) {
                case 0:
                case 1: {
                    const QString key = random.bounded(2) ? QStringLiteral("start_date") : QStringLiteral("end_date");
                    QJsonObject date = slide.value(key).toObject();
                    date.insert(dateKeys.at(random.bounded(dateKeys.size())), value);
                    slide.insert(key, date);
                    break;
                }
                case 2:
                    slide.insert(random.bounded(2) ? QStringLiteral("group") : QStringLiteral("unique_id"), value);
                    break;
                default:
                    slide.insert(QStringLiteral("display_date"), value);
                }
                events.replace(at, slide);
            }
            root.insert(QStringLiteral("events"), events);
            damaged << QJsonDocument(root).toJson();
        }
        for (const QByteArray &b : std::as_const(damaged)) {
            const Conversion c = caseFromTimelineJs(b, name);
            if (hasErrors(c.problems)) {
                ++refused;
                QVERIFY(!c.problems.first().message.isEmpty());
                continue;
            }
            ++opened;
            const CaseLoad load = CaseReader::readData(CaseWriter::toJson(c.kase), name, QString());
            QVERIFY2(load.ok(), qPrintable(load.problems.isEmpty() ? QString() : load.problems.first().toString()));
        }
    }
    qInfo("%lld opened, %lld refused", qlonglong(opened), qlonglong(refused));
    QVERIFY(opened > 100);
    QVERIFY(refused > 100);
}

void TstTimelineJs::roundTripKeepsTitlesDatesAndGroups()
{
    const auto original = Test::builtinCase();
    QVERIFY(original);
    for (const TimelineLane lane : {TimelineLane::Category, TimelineLane::Actor}) {
        const QByteArray json = timelineJsJson(*original, lane);
        // The app recognises the export by its content, as it does TimelineJS3's own files.
        QCOMPARE(sniffFormat(json), FileFormat::TimelineJs);
        const Conversion c = caseFromTimelineJs(json, QStringLiteral("apt31.json"), lane);
        QVERIFY(c.problems.isEmpty());
        Case back;
        QVERIFY(writeAndRead(c.kase, &back).isEmpty());
        QCOMPARE(back.title, original->title);
        QCOMPARE(back.description, original->description);
        QCOMPARE(back.events.size(), original->events.size());
        const QJsonObject root = parse(json);
        for (qsizetype i = 0; i < back.events.size(); ++i) {
            const Event &was = original->events.at(i);
            const Event &is = back.events.at(i);
            QCOMPARE(is.id, was.id);
            QCOMPARE(is.title, was.title);
            // Dates keep their precision; a start TimelineJS cannot hold comes back as the known end.
            if (was.date.isOpenStart()) {
                QCOMPARE(is.date.start(), was.date.end());
                QVERIFY(!is.date.end().isValid());
            } else {
                QCOMPARE(is.date.start(), was.date.start());
                QCOMPARE(is.date.end(), was.date.end());
            }
            QCOMPARE(is.date.isOpenStart(), false);
            // The display date of an uncertain date comes back as its qualifier.
            QCOMPARE(is.date.qualifier().isEmpty(), !slideOf(root, was.id).contains(QStringLiteral("display_date")));
            if (lane == TimelineLane::Category) {
                QCOMPARE(is.category, was.category);
            } else {
                const QString group = slideOf(root, was.id).value(QStringLiteral("group")).toString();
                QCOMPARE(is.participants.size(), 1);
                const Actor *actor = back.actor(is.participants.first().actorId);
                QVERIFY(actor);
                QVERIFY2(group.contains(actor->name.left(6)), qPrintable(group));
            }
            QCOMPARE(is.citations.size(), 1);
            QVERIFY(is.summary.contains(was.citations.first().quote.left(20)));
        }
    }
    // One of them spelled out: the UK attribution's relative date.
    const QJsonObject root = parse(timelineJsJson(*original));
    QCOMPARE(slideOf(root, QStringLiteral("ev-2024-02-volt-typhoon")).value(QStringLiteral("display_date")).toString(),
             QStringLiteral("Feb 2024, from \u201cLast month\u201d"));
}

void TstTimelineJs::roundTripOfHostileTextKeepsItAsText()
{
    const Case original = readCaseFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json"));
    const Conversion c = caseFromTimelineJs(timelineJsJson(original), QStringLiteral("hostile.json"));
    QVERIFY(c.problems.isEmpty());
    QCOMPARE(c.kase.events.size(), 2);
    QCOMPARE(c.kase.events.at(0).title,
             QStringLiteral("<script>alert(2)</script> & bell")); // the HTML reader drops control characters
    QCOMPARE(c.kase.events.at(0).category, QStringLiteral("<b>cat</b>"));
    QCOMPARE(c.kase.events.at(1).title, QStringLiteral("+cmd|' /C calc'!A0"));
    QCOMPARE(c.kase.events.at(1).category, QStringLiteral("@sum"));
    QVERIFY(writeAndRead(c.kase).isEmpty());
}

QTEST_GUILESS_MAIN(TstTimelineJs)
#include "tst_timelinejs.moc"

#include "anchoring.h"
#include "casereader.h"
#include "casewriter.h"
#include "testcases.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace AT;

namespace {

// A small valid case; each test row changes one thing in it.
const char *const BaseCase = R"({
    "format": "attribution-timeline-case",
    "version": 1,
    "title": "Test case",
    "sources": [
        {"id": "s1", "title": "Source one", "text": "The UK said it summoned the Chinese Ambassador. China denied it."}
    ],
    "actors": [
        {"id": "a1", "name": "UK government", "kind": "government"},
        {"id": "a2", "name": "Chinese government", "kind": "government",
         "aliases": [{"name": "Beijing", "citations": []}],
         "affiliations": [{"actor": "a1", "relation": "counterpart of", "citations": []}]}
    ],
    "disagreements": [
        {"id": "d1", "question": "Was anyone summoned?", "versions": [
            {"statement": "yes", "citations": [{"source": "s1", "quote": "summoned", "start": 15, "end": 23}]},
            {"statement": "denied", "citations": [{"source": "s1", "quote": "China denied it", "start": 48, "end": 63}]}
        ]}
    ],
    "events": [
        {"id": "e1", "title": "Summons", "category": "diplomatic", "date": {"start": "2024-03-25"},
         "participants": [{"actor": "a1", "role": "summoner"}],
         "citations": [{"source": "s1", "quote": "summoned", "start": 15, "end": 23}],
         "disagreements": ["d1"]}
    ],
    "claims": [
        {"id": "c1", "attributor": "a1", "subject": "a2", "event": "e1", "statement": "China was summoned",
         "confidence": null, "citations": [{"source": "s1", "quote": "summoned", "start": 15, "end": 23}]},
        {"id": "c2", "attributor": "a2", "subject": "a2", "event": "e1", "statement": "Denial",
         "confidence": null, "citations": [{"source": "s1", "quote": "China denied it", "start": 48, "end": 63}],
         "disputes": ["c1"]}
    ]
})";

// Sets (or, with an undefined value, removes) the value at a path such as "events[0].date.start".
QJsonValue setAt(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty()) {
        return value;
    }
    const QString step = path.takeFirst();
    static const QRegularExpression indexRe(QStringLiteral("^(\\w*)\\[(\\d+)\\]$"));
    const auto m = indexRe.match(step);
    if (m.hasMatch()) {
        // "key[i]": descend into the key, then the element; re-use the path machinery for both steps.
        QStringList rest = path;
        rest.prepend(QStringLiteral("[%1]").arg(m.captured(2)));
        if (!m.captured(1).isEmpty()) {
            QJsonObject obj = node.toObject();
            obj[m.captured(1)] = setAt(obj.value(m.captured(1)), rest, value);
            return obj;
        }
    }
    if (step.startsWith(QLatin1Char('['))) {
        QJsonArray arr = node.toArray();
        const int i = step.mid(1, step.size() - 2).toInt();
        const QJsonValue updated = setAt(arr.at(i), path, value);
        if (updated.isUndefined()) {
            arr.removeAt(i);
        } else {
            arr[i] = updated;
        }
        return arr;
    }
    QJsonObject obj = node.toObject();
    const QJsonValue updated = setAt(obj.value(step), path, value);
    if (updated.isUndefined()) {
        obj.remove(step);
    } else {
        obj[step] = updated;
    }
    return obj;
}

QByteArray mutated(const QString &path, const QByteArray &valueJson)
{
    const QJsonObject base = QJsonDocument::fromJson(BaseCase).object();
    QJsonValue value(QJsonValue::Undefined);
    if (valueJson != "undefined") {
        value = QJsonDocument::fromJson("[" + valueJson + "]").array().at(0);
        Q_ASSERT(!value.isUndefined());
    }
    const QJsonValue result = setAt(base, path.split(QLatin1Char('.')), value);
    return QJsonDocument(result.toObject()).toJson();
}

QString problemsText(const CaseLoad &load)
{
    QStringList lines;
    for (const Problem &p : load.problems) {
        lines << p.toString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_CaseReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void baseIsValid();
    void caseIdRoundTrips();
    void badField_data();
    void badField();
    void badDocument_data();
    void badDocument();
    void qtParserFallback_data();
    void qtParserFallback();
    void bothParsersAgree_data();
    void bothParsersAgree();
    void wideEncodings_data();
    void wideEncodings();
    void specialFiles_data();
    void specialFiles();
    void caseFileSizeLimit();
    void memoryBudget();
    void hostileSizes();
    void misplacedCitationsAreBounded();
    void truncatedEverywhere();
    void sourcePaths_data();
    void sourcePaths();
    void changedSourceText();
    void missingFile();
    void roundTrip();
    void approximateEndsRoundTrip_data();
    void approximateEndsRoundTrip();
    void referenceOnly();
    void referenceOnlyProblems_data();
    void referenceOnlyProblems();
    void formatDocumentExample();
    void writeFailureKeepsOldFile();
};

void tst_CaseReader::caseIdRoundTrips()
{
    const QByteArray data = mutated(QStringLiteral("id"), "\"0F8FAD5B-D9CB-469F-A165-70867728950E\"");
    const CaseLoad load = CaseReader::readData(data, QStringLiteral("case.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QCOMPARE(load.kase.id, QStringLiteral("0F8FAD5B-D9CB-469F-A165-70867728950E"));
    const QByteArray written = CaseWriter::toJson(load.kase);
    QVERIFY(written.contains("\"id\": \"0F8FAD5B-D9CB-469F-A165-70867728950E\""));
    QCOMPARE(CaseReader::readData(written, QStringLiteral("case.json"), QString()).kase.id, load.kase.id);
    // A case without one writes none.
    const CaseLoad plain = CaseReader::readData(BaseCase, QStringLiteral("case.json"), QString());
    QVERIFY(plain.kase.id.isEmpty());
    QVERIFY(!QJsonDocument::fromJson(CaseWriter::toJson(plain.kase)).object().contains(QStringLiteral("id")));
}

void tst_CaseReader::baseIsValid()
{
    const CaseLoad load = CaseReader::readData(BaseCase, QStringLiteral("case.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QCOMPARE(load.kase.events.size(), 1);
    QCOMPARE(load.kase.events[0].citations[0].anchor, Citation::Anchor::Exact);
    QCOMPARE(load.kase.claims[1].disputes, QStringList {QStringLiteral("c1")});
}

void tst_CaseReader::badField_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("problems");
    auto row = [](const char *name, const char *path, const char *value, const char *problems) {
        QTest::newRow(name) << QString::fromLatin1(path) << QByteArray(value) << QString::fromUtf8(problems);
    };
    row("newer version", "version", "2",
        "case.json: version: error: the case uses format version 2, newer than this build reads (version 1); update "
        "Attribution Timeline to open it");
    row("version zero", "version", "0",
        "case.json: version: error: format version 0 does not exist; the first version is 1");
    row("version as string", "version", "\"1\"", "case.json: version: error: expected an integer, found a string");
    row("wrong format", "format", "\"timelinejs\"",
        "case.json: format: error: this is not an Attribution Timeline case: \"format\" must be "
        "\"attribution-timeline-case\" (the app also opens STIX 2.0/2.1 bundles, \"type\": \"bundle\", and TimelineJS "
        "files, an \"events\" array)");
    row("missing title", "title", "undefined", "case.json: title: error: is required (a string) but is missing");
    row("case id not a UUID", "id", "\"apt31-case\"",
        "case.json: id: error: must be a UUID such as \"0f8fad5b-d9cb-469f-a165-70867728950e\"; give one, or leave "
        "\"id\" out (exports then derive their ids from the title)");
    row("case id not a string", "id", "7", "case.json: id: error: expected a string, found a number");
    row("sources not an array", "sources", "{}",
        "case.json: sources: error: expected an array, found an object\n"
        "case.json: disagreements[0].versions[0].citations[0].source: error: no source has the id \"s1\"; add it to "
        "\"sources\" or fix the id\n…");
    row("source without id", "sources[0].id", "undefined",
        "case.json: sources[0].id: error: is required (a string) but is missing\n…");
    row("source with wrong title type", "sources[0].title", "[]",
        "case.json: sources[0].title: error: expected a string, found an array");
    row("source with text and path", "sources[0].path", "\"a.txt\"",
        "case.json: sources[0]: error: give exactly one of \"text\" (the source embedded) or \"path\" (a file next to "
        "the case file)");
    row("source with neither text nor path", "sources[0].text", "undefined",
        "case.json: sources[0]: error: give \"text\" (the source embedded) or \"path\" (a file next to the case "
        "file); for a source whose text the case does not hold, say \"referenceOnly\": true");
    row("reference only with a text", "sources[0].referenceOnly", "true",
        "case.json: sources[0]: error: a source with \"referenceOnly\": true holds no text; remove \"text\", or "
        "remove \"referenceOnly\" to keep the text");
    row("reference only not a boolean", "sources[0].referenceOnly", "\"yes\"",
        "case.json: sources[0].referenceOnly: error: expected true or false, found a string");
    row("reference only false is an ordinary source", "sources[0].referenceOnly", "false", "");
    row("actor kind wrong type", "actors[0].kind", "42",
        "case.json: actors[0].kind: error: expected a string, found a number");
    row("duplicate actor id", "actors[1].id", "\"a1\"",
        "case.json: actors[1].id: error: duplicate actor id \"a1\"; every actor needs its own id\n"
        "case.json: actors[1].affiliations[0].actor: error: an actor cannot be affiliated with itself; name the "
        "other actor\n"
        "case.json: claims[0].subject: error: no actor has the id \"a2\"; add it to \"actors\" or fix the id\n"
        "case.json: claims[1].attributor: error: no actor has the id \"a2\"; add it to \"actors\" or fix the id\n"
        "case.json: claims[1].subject: error: no actor has the id \"a2\"; add it to \"actors\" or fix the id");
    row("dangling affiliation", "actors[1].affiliations[0].actor", "\"nobody\"",
        "case.json: actors[1].affiliations[0].actor: error: no actor has the id \"nobody\"; add it to \"actors\" or "
        "fix the id");
    row("actor affiliated with itself", "actors[1].affiliations[0].actor", "\"a2\"",
        "case.json: actors[1].affiliations[0].actor: error: an actor cannot be affiliated with itself; name the other "
        "actor");
    row("dangling participant", "events[0].participants[0].actor", "\"ghost\"",
        "case.json: events[0].participants[0].actor: error: no actor has the id \"ghost\"; add it to \"actors\" or fix "
        "the id");
    row("participant without role", "events[0].participants[0].role", "undefined",
        "case.json: events[0].participants[0].role: error: is required (a string) but is missing");
    row("dangling source", "events[0].citations[0].source", "\"s9\"",
        "case.json: events[0].citations[0].source: error: no source has the id \"s9\"; add it to \"sources\" or fix "
        "the id");
    row("dangling claim", "claims[1].disputes[0]", "\"c7\"",
        "case.json: claims[1].disputes[0]: error: no claim has the id \"c7\"");
    row("claim disputes itself", "claims[1].disputes[0]", "\"c2\"",
        "case.json: claims[1].disputes[0]: error: a claim cannot dispute itself");
    row("dangling event", "claims[0].event", "\"e9\"",
        "case.json: claims[0].event: error: no event has the id \"e9\"; add it to \"events\" or fix the id");
    row("dangling disagreement", "events[0].disagreements[0]", "\"d9\"",
        "case.json: events[0].disagreements[0]: error: no disagreement has the id \"d9\"");
    row("duplicate event id", "events[0]",
        R"({"id": "e1", "title": "x", "category": "c", "date": {"start": "2024"}, "citations": [], "participants": []})",
        "case.json: events[0].citations: warning: the event cites no source; add the passage that reports it");
    row("event without date", "events[0].date", "undefined",
        "case.json: events[0].date: error: is required: an object such as {\"start\": \"2024-03-25\"}");
    row("date that does not exist", "events[0].date.start", "\"2023-02-30\"",
        "case.json: events[0].date.start: error: the date \"2023-02-30\" does not exist");
    row("date as number", "events[0].date.start", "2024",
        "case.json: events[0].date.start: error: expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found a number");
    row("range ends before it starts", "events[0].date", R"({"start": "2022", "end": "2021"})",
        "case.json: events[0].date: error: the range ends (2021) before it starts (2022); swap \"start\" and \"end\"");
    row("both ends unknown", "events[0].date", R"({"start": null, "end": null})",
        "case.json: events[0].date: error: a date needs at least one known end; give \"start\" or \"end\"");
    row("relative date without reference", "events[0].date",
        R"({"start": "2024-02", "provenance": {"kind": "relative", "expression": "last month"}})",
        "case.json: events[0].date.provenance.reference: error: a relative date needs the reference date it was "
        "resolved against");
    row("unknown provenance", "events[0].date", R"({"start": "2024-02", "provenance": {"kind": "guessed"}})",
        "case.json: events[0].date.provenance.kind: error: unknown provenance \"guessed\"; use stated, relative or "
        "inferred");
    row("approximate neither bool nor an end", "events[0].date", R"({"start": "2024", "approximate": "yes"})",
        "case.json: events[0].date.approximate: error: expected true, false, \"start\" or \"end\", found \"yes\"");
    row("approximate a number", "events[0].date", R"({"start": "2024", "approximate": 1})",
        "case.json: events[0].date.approximate: error: expected true, false, \"start\" or \"end\", found a number");
    row("approximate start of a single date", "events[0].date", R"({"start": "2024", "approximate": "start"})",
        "case.json: events[0].date.approximate: error: \"start\" is for one end of a range; a single date is "
        "approximate as a whole: use true");
    row("approximate end of an unknown end", "events[0].date",
        R"({"start": "2010", "end": null, "approximate": "end"})",
        "case.json: events[0].date.approximate: error: the end is not known, so it cannot be approximate; give the "
        "end or use \"start\"");
    row("approximate start of an unknown start", "events[0].date",
        R"({"start": null, "end": "2024-03-25", "approximate": "start"})",
        "case.json: events[0].date.approximate: error: the start is not known, so it cannot be approximate; give the "
        "start or use \"end\"");
    row("approximate start of a range", "events[0].date",
        R"({"start": "2010", "end": "2024-03-25", "approximate": "start"})", "");
    row("quote not in source", "events[0].citations[0].quote", "\"expelled\"",
        "case.json: events[0].citations[0].quote: warning: the quote is not in source \"s1\" (compared verbatim); "
        "correct it to the source's exact words");
    row("offset drifted", "events[0].citations[0].start", "3",
        "case.json: events[0].citations[0]: warning: the quote is not at its stated position [3, 23) but at [15, 23) "
        "of source \"s1\"; the app uses the found position; set \"start\" and \"end\" in the file to match");
    row("offset out of range", "events[0].citations[0].end", "9999",
        "case.json: events[0].citations[0]: warning: the quote is not at its stated position [15, 9999), which is not "
        "a valid range of the text but at [15, 23) of source \"s1\"; the app uses the found position; set \"start\" "
        "and \"end\" in the file to match");
    row("offset not integer", "events[0].citations[0].start", "1.5",
        "case.json: events[0].citations[0].start: error: expected an integer, found a number");
    row("offset negative inverted", "events[0].citations[0].start", "-4",
        "case.json: events[0].citations[0]: warning: the quote is not at its stated position [-4, 23), which is not a "
        "valid range of the text but at [15, 23) of source \"s1\"; the app uses the found position; set \"start\" "
        "and \"end\" in the file to match");
    row("empty quote", "events[0].citations[0].quote", "\"\"",
        "case.json: events[0].citations[0].quote: error: must not be empty");
    row("citation not an object", "events[0].citations[0]", "\"s1\"",
        "case.json: events[0].citations[0]: error: expected an object, found a string");
    row("confidence value without yardstick", "claims[0].confidenceValue", "85",
        "case.json: claims[0].confidenceValue: error: a numeric confidence needs the source's wording in "
        "\"confidence\" and the \"yardstick\" that maps it; remove the number or add both");
    row("confidence value out of range", "claims[0].confidenceValue", "140",
        "case.json: claims[0].confidenceValue: error: must be between 0 and 100, found 140");
    row("unknown key", "events[0].colour", "\"red\"",
        "case.json: events[0]: warning: unknown key \"colour\" is ignored and will not be saved; known keys: id, "
        "title, summary, category, date, participants, citations, tags, disagreements, notes, acceptedWarnings");
    row("disagreement with one version", "disagreements[0].versions[1]", "undefined",
        "case.json: disagreements[0].versions: error: a disagreement needs at least two competing versions, found 1");
    row("disagreement of specificity", "disagreements[0].kind", "\"specificity\"", "");
    row("disagreement kind unknown", "disagreements[0].kind", "\"contradiction\"",
        "case.json: disagreements[0].kind: error: unknown kind of disagreement \"contradiction\"; use conflict (the "
        "accounts cannot both be true as written) or specificity (one is only less specific than another)");
    row("tags wrong type", "events[0].tags", R"(["ok", 3])",
        "case.json: events[0].tags[1]: error: expected a string, found a number");
    row("html and bidi in title are kept as text", "events[0].title", "\"<script>alert(1)</script>\\u202e\"", "");
}

void tst_CaseReader::badField()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QString, problems);
    const QByteArray data = mutated(path, value);
    const CaseLoad load = CaseReader::readData(data, QStringLiteral("case.json"), QString());
    if (problems.endsWith(QStringLiteral("\n\u2026"))) {
        // Only the leading problems matter; what follows from them is not pinned down here.
        problems.chop(2);
        QCOMPARE(problemsText(load).left(problems.size()), problems);
        QVERIFY(!load.ok());
        return;
    }
    QCOMPARE(problemsText(load), problems);
}

void tst_CaseReader::badDocument_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problems");
    QTest::newRow("empty")
        << QByteArray()
        << QStringLiteral("x.json: error: the file is empty; a case file is a JSON object (see docs/case-format.md)");
    QTest::newRow("not json") << QByteArray("hello")
                              << QStringLiteral("x.json:1:1: error: not valid JSON: illegal value");
    QTest::newRow("syntax error on line 3")
        << QByteArray("{\n  \"format\": \"attribution-timeline-case\",\n  \"version\": ,\n}")
        << QStringLiteral("x.json:3:14: error: not valid JSON: illegal value");
    QTest::newRow("truncated") << QByteArray(BaseCase).left(200)
                               << QStringLiteral("x.json:6:95: error: not valid JSON: unterminated string");
    QTest::newRow("top-level array")
        << QByteArray("[1, 2]")
        << QStringLiteral(
               "x.json: error: the top level must be a JSON object with \"format\": \"attribution-timeline-case\" (the "
               "app also opens STIX 2.0/2.1 bundles and TimelineJS files, each one JSON object)");
    QTest::newRow("invalid utf-8") << QByteArray("{\"format\": \"\xff\xfe\"}")
                                   << QStringLiteral("x.json:1:12: error: not valid JSON: invalid UTF8 string");
    QByteArray withBom = "\xEF\xBB\xBF";
    withBom += BaseCase;
    QTest::newRow("byte order mark")
        << withBom
        << QStringLiteral(
               "x.json: warning: the file starts with a UTF-8 byte order mark, which was ignored; save it without one");
    QTest::newRow("binary noise") << QByteArray("\x00\x01\x02\xff\xfe\x80garbage", 14)
                                  << QStringLiteral("x.json:1:1: error: not valid JSON: illegal value");
    QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']'))
                                  << QStringLiteral("x.json:1:1025: error: not valid JSON: too deeply nested document");
}

void tst_CaseReader::qtParserFallback_data()
{
    // Texts simdjson refuses and Qt's parser accepts: the reader falls back to Qt's document and
    // reads them exactly as before, with the same checks on the values.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("problems");
    QTest::newRow("integer beyond 64 bits")
        << QByteArray("\"version\": 1,") << QByteArray("\"version\": 123456789012345678901234567890,")
        << QStringLiteral("x.json: version: error: expected an integer, found a number");
    QTest::newRow("number beyond a double: both refuse it, Qt says where")
        << QByteArray("\"start\": 15, \"end\": 23}]},") << QByteArray("\"start\": 1e400, \"end\": 23}]},")
        << QStringLiteral("x.json:16:99: error: not valid JSON: illegal number");
    QTest::newRow("integer beyond 64 bits in an unknown key")
        << QByteArray("\"title\": \"Test case\",")
        << QByteArray("\"title\": \"Test case\", \"n\": "
                      "123456789012345678901234567890,")
        << QStringLiteral("x.json: warning: unknown key \"n\" is ignored and will not be saved; known keys: format, "
                          "version, id, title, description, sources, actors, events, claims, disagreements, reviewed");
}

void tst_CaseReader::qtParserFallback()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, problems);
    QByteArray data(BaseCase);
    QVERIFY(data.contains(from));
    data.replace(from, to);
    const CaseLoad load = CaseReader::readData(data, QStringLiteral("x.json"), QString());
    QCOMPARE(problemsText(load), problems);
    if (load.ok()) {
        // Read through Qt's document, the case is the same as read through simdjson's.
        QCOMPARE(load.kase, CaseReader::readData(BaseCase, QStringLiteral("x.json"), QString()).kase);
    }
}

void tst_CaseReader::bothParsersAgree_data()
{
    // What one parser accepted and the other read differently (duplicate keys), or only Qt's
    // accepted (raw control characters, unpaired surrogates), or a string lost its leading U+FEFF:
    // each row is read once as it is and once with an integer beyond 64 bits added, which sends the
    // text to Qt's parser; both must give the same problems and the same case.
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("problems");
    const QString twice = QStringLiteral(
        "appears twice in this object; a key may appear only once (which value counts would be a guess): remove one "
        "of them");
    QTest::newRow("duplicate key at the top")
        << QByteArray("\"title\": \"Test case\",") << QByteArray("\"title\": \"Test case\", \"title\": \"Other\",")
        << QStringLiteral("x.json: error: the key \"title\" ") + twice;
    QTest::newRow("duplicate key spelt with an escape")
        << QByteArray("\"title\": \"Test case\",")
        << QByteArray("\"title\": \"Test case\", \"t\\u0069tle\": \"Other\",")
        << QStringLiteral("x.json: error: the key \"title\" ") + twice;
    QTest::newRow("duplicate id in an event")
        << QByteArray("\"disagreements\": [\"d1\"]}") << QByteArray("\"disagreements\": [\"d1\"], \"id\": \"e2\"}")
        << QStringLiteral("x.json: events[0]: error: the key \"id\" ") + twice;
    QTest::newRow("duplicate key inside an unknown key")
        << QByteArray("\"title\": \"Test case\",")
        << QByteArray("\"title\": \"Test case\", \"x\": [{\"a\": 1, \"a\": 2}],")
        << QStringLiteral("x.json: x[0]: error: the key \"a\" ") + twice;
    QTest::newRow("raw control character in a string")
        << QByteArray("\"title\": \"Test case\",")
        << QByteArray("\"title\": \"Test\x01"
                      "case\",")
        << QStringLiteral("x.json:4:19: title: error: not valid JSON: a raw control character (U+0001) inside a "
                          "string; write it as the escape \\u0001 or remove it");
    QTest::newRow("raw NUL in a key")
        << QByteArray("\"title\": \"Test case\",")
        << QByteArray(QByteArray("\"title\": \"Test case\", \"ke") + '\0' + QByteArray("y\": 1,"))
        << QStringLiteral("x.json:4:30: error: not valid JSON: a raw control character (U+0000) inside a string; "
                          "write it as the escape \\u0000 or remove it");
    QTest::newRow("raw tab in an event title")
        << QByteArray("\"title\": \"Summons\"") << QByteArray("\"title\": \"Sum\tmons\"")
        << QStringLiteral("x.json:21:35: events[0].title: error: not valid JSON: a raw control character (U+0009) "
                          "inside a string; write it as the escape \\u0009 or remove it");
    QTest::newRow("unpaired high surrogate")
        << QByteArray("\"title\": \"Test case\",") << QByteArray("\"title\": \"Test \\ud800case\",")
        << QStringLiteral("x.json:4:20: title: error: not valid JSON: the escape \\ud800 is half of a surrogate pair "
                          "with no other half, which is not valid Unicode; write the character itself or both halves "
                          "of its pair");
    QTest::newRow("unpaired low surrogate in an unknown key")
        << QByteArray("\"title\": \"Test case\",") << QByteArray("\"title\": \"Test case\", \"note\": \"\\uDC00\",")
        << QStringLiteral("x.json:4:36: note: error: not valid JSON: the escape \\uDC00 is half of a surrogate pair "
                          "with no other half, which is not valid Unicode; write the character itself or both halves "
                          "of its pair");
    QTest::newRow("high surrogate followed by a letter")
        << QByteArray("\"title\": \"Test case\",") << QByteArray("\"title\": \"\\ud83d\\u0041\",")
        << QStringLiteral("x.json:4:15: title: error: not valid JSON: the escape \\ud83d is half of a surrogate pair "
                          "with no other half, which is not valid Unicode; write the character itself or both halves "
                          "of its pair");
    QTest::newRow("surrogate pair is fine")
        << QByteArray("\"title\": \"Test case\",") << QByteArray("\"title\": \"Test \\ud83d\\ude00\",") << QString();
    const QString noEvent = QStringLiteral(
        "x.json: claims[0].event: error: no event has the id \"e1\"; add it to \"events\" or fix the id\n"
        "x.json: claims[1].event: error: no event has the id \"e1\"; add it to \"events\" or fix the id");
    QTest::newRow("escaped U+FEFF before an id is kept")
        << QByteArray("{\"id\": \"e1\"") << QByteArray("{\"id\": \"\\ufeffe1\"") << noEvent;
    QTest::newRow("raw U+FEFF before an id is kept") << QByteArray("{\"id\": \"e1\"")
                                                     << QByteArray("{\"id\": \"\xEF\xBB\xBF"
                                                                   "e1\"")
                                                     << noEvent;
    QTest::newRow("U+FEFF twice and inside a title are kept") << QByteArray("\"title\": \"Summons\"")
                                                              << QByteArray("\"title\": \"\\ufeff\xEF\xBB\xBF"
                                                                            "Sum\\ufeffmons\"")
                                                              << QString();
}

void tst_CaseReader::bothParsersAgree()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, problems);
    QByteArray data(BaseCase);
    QVERIFY(data.contains(from));
    data.replace(from, to);
    QByteArray viaQt = data;
    viaQt.replace(QByteArray("\"version\": 1,"),
                  QByteArray("\"version\": 1, \"big\": 123456789012345678901234567890,"));
    const CaseLoad simd = CaseReader::readData(data, QStringLiteral("x.json"), QString());
    const CaseLoad qt = CaseReader::readData(viaQt, QStringLiteral("x.json"), QString());
    QCOMPARE(problemsText(simd), problems);
    // The integer adds its own warning once the document is read; otherwise all is the same.
    QString qtProblems = problemsText(qt);
    qtProblems.remove(QRegularExpression(QStringLiteral("x.json: warning: unknown key \"big\"[^\n]*\n?")));
    QCOMPARE(qtProblems.trimmed(), problems);
    QCOMPARE(qt.kase, simd.kase);
    if (problems.isEmpty() && to.contains("Sum")) {
        QCOMPARE(simd.kase.events[0].title, QStringLiteral("\ufeff\ufeffSum\ufeffmons"));
    }
    if (problems.isEmpty() && to.contains("ude00")) {
        QCOMPARE(simd.kase.title, QStringLiteral("Test \U0001F600"));
    }
}

void tst_CaseReader::wideEncodings_data()
{
    // A UTF-16 or UTF-32 file, with or without byte order mark, is named as such (it used to be
    // "illegal value").
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("encoding");
    const QString text = QString::fromUtf8(BaseCase);
    const QByteArray le16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QByteArray be16 = le16;
    for (qsizetype i = 0; i + 1 < be16.size(); i += 2) {
        std::swap(be16[i], be16[i + 1]);
    }
    QByteArray le32;
    QByteArray be32;
    for (const char c : QByteArray(BaseCase)) {
        le32 += c + QByteArray(3, '\0');
        be32 += QByteArray(3, '\0') + c;
    }
    QTest::newRow("UTF-16 LE with BOM") << "\xFF\xFE" + le16
                                        << QStringLiteral("UTF-16 (little-endian, with a byte order mark)");
    QTest::newRow("UTF-16 BE with BOM") << "\xFE\xFF" + be16
                                        << QStringLiteral("UTF-16 (big-endian, with a byte order mark)");
    QTest::newRow("UTF-16 LE") << le16 << QStringLiteral("UTF-16 (little-endian)");
    QTest::newRow("UTF-16 BE") << be16 << QStringLiteral("UTF-16 (big-endian)");
    QTest::newRow("UTF-32 LE with BOM") << QByteArray("\xFF\xFE\0\0", 4) + le32
                                        << QStringLiteral("UTF-32 (little-endian, with a byte order mark)");
    QTest::newRow("UTF-32 BE with BOM") << QByteArray("\0\0\xFE\xFF", 4) + be32
                                        << QStringLiteral("UTF-32 (big-endian, with a byte order mark)");
    QTest::newRow("UTF-32 LE") << le32 << QStringLiteral("UTF-32 (little-endian)");
    QTest::newRow("UTF-32 BE") << be32 << QStringLiteral("UTF-32 (big-endian)");
    QTest::newRow("UTF-16 LE, a short file") << QByteArray("{\0}\0", 4) << QStringLiteral("UTF-16 (little-endian)");
}

void tst_CaseReader::wideEncodings()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, encoding);
    const CaseLoad load = CaseReader::readData(data, QStringLiteral("w.json"), QString());
    QCOMPARE(
        problemsText(load),
        QStringLiteral("w.json: error: this file is %1; save it as UTF-8 (without a byte order mark)").arg(encoding));
}

void tst_CaseReader::specialFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("fifo") << QStringLiteral("fifo");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
    QTest::newRow("/dev/null") << QStringLiteral("/dev/null");
    QTest::newRow("symbolic link to a fifo") << QStringLiteral("link");
    QTest::newRow("folder") << QStringLiteral("folder");
}

void tst_CaseReader::specialFiles()
{
    // A FIFO used to block the reader for ever, /dev/zero to be read up to 1 GiB: only regular
    // files are read, and the refusal is immediate.
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = kind;
    QString message
        = QStringLiteral("error: this is not a regular file (a FIFO / device / folder); give the path of a case file");
    const QString fifo = dir.filePath(QStringLiteral("case.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    if (kind == QStringLiteral("fifo")) {
        path = fifo;
    } else if (kind == QStringLiteral("link")) {
        path = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(QFile::link(fifo, path));
    } else if (kind == QStringLiteral("folder")) {
        path = dir.path();
        message = QStringLiteral("error: this is a folder; open the case's .json file inside it");
    }
    QElapsedTimer timer;
    timer.start();
    const CaseLoad load = CaseReader::readFile(path);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QCOMPARE(problemsText(load), path + QStringLiteral(": ") + message);
}

void tst_CaseReader::caseFileSizeLimit()
{
    // Refused by its size before a byte is read, with the memory the limit protects named.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(CaseReader::MaxCaseFileBytes + 1)); // sparse: takes no disk space
    f.close();
    QElapsedTimer timer;
    timer.start();
    const CaseLoad load = CaseReader::readFile(path);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QCOMPARE(problemsText(load),
             path
                 + QStringLiteral(": error: the file is 1073741825 bytes; case files are limited to 1073741824 bytes "
                                  "(1 GiB); split the case"));
}

void tst_CaseReader::memoryBudget()
{
    // A case whose estimated peak exceeds the memory available is refused before it is parsed.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(Test::SmallCase);
    f.close();
    const qint64 needed = CaseReader::estimatedPeakMemory(Test::SmallCase);
    QVERIFY(needed > 5 * qint64(qstrlen(Test::SmallCase)));
    CaseReader::setMemoryBudgetForTesting(needed - 1);
    const CaseLoad refused = CaseReader::readFile(path);
    CaseReader::setMemoryBudgetForTesting(-1);
    QVERIFY2(problemsText(refused).contains(QStringLiteral("reading this case needs an estimated")),
             qPrintable(problemsText(refused)));
    QVERIFY(problemsText(refused).contains(QStringLiteral("close other programs, or split the case")));
    CaseReader::setMemoryBudgetForTesting(needed);
    const CaseLoad accepted = CaseReader::readFile(path);
    CaseReader::setMemoryBudgetForTesting(-1);
    QVERIFY(accepted.ok());
    // The system's figure is read from /proc/meminfo on Linux.
    QVERIFY(CaseReader::memoryBudget() > 0);
    // Millions of tiny values cost far more than their bytes: the estimate grows with them.
    QVERIFY(CaseReader::estimatedPeakMemory(QByteArray("[") + QByteArray("\"a\",").repeated(1000) + "1]") > 20 * 4000);
}

void tst_CaseReader::badDocument()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problems);
    const CaseLoad load = CaseReader::readData(data, QStringLiteral("x.json"), QString());
    QCOMPARE(problemsText(load), problems);
}

void tst_CaseReader::hostileSizes()
{
    // A million-element array where events belong: the first problems are listed, the rest counted.
    QByteArray bomb
        = R"({"format": "attribution-timeline-case", "version": 1, "title": "t", "sources": [], "events": [)";
    bomb.reserve(bomb.size() + 2'000'000);
    for (int i = 0; i < 1'000'000; ++i) {
        bomb += i ? ",1" : "1";
    }
    bomb += "]}";
    const CaseLoad many = CaseReader::readData(bomb, QStringLiteral("bomb.json"), QString());
    QCOMPARE(many.problems.size(), CaseReader::MaxProblems);
    QCOMPARE(many.problems.first().toString(),
             QStringLiteral("bomb.json: events[0]: error: expected an object, found a number"));
    QCOMPARE(many.problems.last().toString(),
             QStringLiteral("bomb.json: events[999]: error: expected an object, found a number"));
    // Every problem is counted, listed or not: the totals are true.
    QCOMPARE(many.problemCount(), 1'000'000);
    QCOMPARE(many.errorCount(), 1'000'000);
    QCOMPARE(many.warningCount(), 0);
    QVERIFY(!many.ok());
    // A 100 MB title: refused with the limit named, without exhausting memory.
    QByteArray huge = mutated(QStringLiteral("events[0].title"), "\"x\"");
    huge.replace(QByteArray("\"title\": \"x\""),
                 QByteArray(QByteArray("\"title\": \"") + QByteArray(100'000'000, 'x') + '"'));
    const CaseLoad big = CaseReader::readData(huge, QStringLiteral("big.json"), QString());
    QCOMPARE(problemsText(big),
             QStringLiteral("big.json: events[0].title: error: is 100000000 characters long; the limit is "
                            "1048576 (only a source's \"text\" may be longer)"));
    // An embedded source text is held to the 64 MiB of a source file, through either parser, and
    // refused before it is converted.
    huge = BaseCase;
    const QByteArray text("The UK said it summoned the Chinese Ambassador. China denied it.");
    huge.replace(text, QByteArray(text + QByteArray(CaseReader::MaxSourceFileBytes + 1 - text.size(), ' ')));
    const QString refused = QStringLiteral(
        "big.json: sources[0].text: error: the embedded text is 67108865 bytes of UTF-8; the limit is 67108864 bytes "
        "(64 MiB) per source, embedded or in a file; keep only the part of the source the case cites");
    QCOMPARE(problemsText(CaseReader::readData(huge, QStringLiteral("big.json"), QString())), refused);
    huge.replace(QByteArray("\"version\": 1,"), QByteArray("\"version\": 1e0,"));
    huge.replace(QByteArray("\"title\": \"Test case\","),
                 QByteArray("\"title\": \"Test case\", \"n\": 123456789012345678901234567890,"));
    const CaseLoad viaQt = CaseReader::readData(huge, QStringLiteral("big.json"), QString());
    QVERIFY2(problemsText(viaQt).contains(refused), qPrintable(problemsText(viaQt).left(1000)));
    // Just at the limit it is accepted.
    huge = BaseCase;
    huge.replace(text, QByteArray(text + QByteArray(CaseReader::MaxSourceFileBytes - text.size(), ' ')));
    QVERIFY(CaseReader::readData(huge, QStringLiteral("big.json"), QString()).ok());
}

void tst_CaseReader::misplacedCitationsAreBounded()
{
    // A source of a short phrase repeated to about 2 MB and thousands of misplaced citations: of the
    // phrase without context, with context every occurrence keeps, with context none keeps (each
    // once a full scan), and of quotes not in the text (each a full scan). This took minutes.
    const QByteArray text = QByteArray("the same words ").repeated(140000);
    QByteArray json = R"({"format": "attribution-timeline-case", "version": 1, "title": "t", "sources": [{"id": "s1", )"
                      R"("title": "s", "text": ")"
        + text
        + R"("}], "events": [{"id": "e1", "title": "x", "category": "c", "date": {"start": "2024"}, )"
          R"("citations": [)";
    const int citations = 5000;
    for (int i = 0; i < citations; ++i) {
        json += i ? "," : "";
        switch (i % 4) {
        case 0:
            json += R"({"source": "s1", "quote": "same words", "start": 0, "end": 10})";
            break;
        case 1:
            json += R"({"source": "s1", "quote": "same words", "start": 0, "end": 10, "prefix": "the "})";
            break;
        case 2:
            json += R"({"source": "s1", "quote": "same words", "start": 0, "end": 10, "prefix": "zzz"})";
            break;
        default:
            json += R"({"source": "s1", "quote": "missing )" + QByteArray::number(i) + R"(", "start": 0, "end": 10})";
        }
    }
    json += "]}]}";
    QElapsedTimer timer;
    timer.start();
    const CaseLoad load = CaseReader::readData(json, QStringLiteral("repeat.json"), QString());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
    QVERIFY2(load.ok(), qPrintable(problemsText(load).left(2000)));
    QCOMPARE(load.problemCount(), citations);
    QCOMPARE(load.problems[0].toString(),
             QStringLiteral("repeat.json: events[0].citations[0]: warning: the quote occurs more than once in source "
                            "\"s1\" and neither its position nor its prefix/suffix single one out; fix "
                            "\"start\"/\"end\" or the context"));
    QCOMPARE(load.problems[3].toString(),
             QStringLiteral("repeat.json: events[0].citations[3].quote: warning: the quote is not in source \"s1\" "
                            "(compared verbatim); correct it to the source's exact words"));
    // The search budget runs out on the quotes not in the text: the rest say so, and what to do.
    const auto stopped = std::find_if(load.problems.cbegin(), load.problems.cend(), [](const Problem &p) {
        return p.message.startsWith(QStringLiteral("re-anchoring was stopped"));
    });
    QVERIFY(stopped != load.problems.cend());
    QVERIFY2(stopped->path.startsWith(QStringLiteral("events[0].citations[")), qPrintable(stopped->path));
    QVERIFY2(stopped->message.endsWith(QStringLiteral("put the quote's right \"start\" and \"end\" in the file")),
             qPrintable(stopped->message));
    const auto &cited = load.kase.events[0].citations;
    QCOMPARE(cited.size(), citations);
    QCOMPARE(cited[0].anchor, Citation::Anchor::Ambiguous);
    QCOMPARE(cited[citations - 4].anchor, Citation::Anchor::Ambiguous); // remembered, not searched again
    QCOMPARE(cited[citations - 3].anchor, Citation::Anchor::Ambiguous);
    QCOMPARE(cited[citations - 2].anchor, Citation::Anchor::Ambiguous);
    QCOMPARE(cited[citations - 1].anchor, Citation::Anchor::Unchecked);
}

void tst_CaseReader::truncatedEverywhere()
{
    // Cut the file at every few bytes: always an error with a line and column, never a crash.
    const QByteArray whole(BaseCase);
    int cuts = 0;
    for (qsizetype n = 0; n < whole.size() - 2; n += 9) {
        const CaseLoad load = CaseReader::readData(whole.left(n), QStringLiteral("cut.json"), QString());
        QVERIFY2(!load.ok(), qPrintable(QString::number(n)));
        QVERIFY(n == 0 || load.problems.first().line > 0);
        ++cuts;
    }
    QVERIFY(cuts > 100);
}

void tst_CaseReader::sourcePaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    QTest::newRow("relative ok") << QStringLiteral("texts/a.txt") << QString();
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd")
                              << QStringLiteral("sources[0].path: error: \"/etc/passwd\" is an absolute path; source "
                                                "paths must be relative to the case file's folder");
    QTest::newRow("dot dot") << QStringLiteral("texts/../../secret.txt")
                             << QStringLiteral("sources[0].path: error: \"texts/../../secret.txt\" contains \"..\"; "
                                               "sources must lie in the case file's folder or below it");
    QTest::newRow("symlink out") << QStringLiteral("link.txt")
                                 << QStringLiteral("sources[0].path: error: \"link.txt\" leads outside the case file's "
                                                   "folder (through a symbolic link); copy the source into the folder");
    QTest::newRow("device via symlink") << QStringLiteral("null.txt")
                                        << QStringLiteral(
                                               "sources[0].path: error: \"null.txt\" leads outside the case file's "
                                               "folder (through a symbolic link); copy the source into the folder");
    QTest::newRow("directory") << QStringLiteral("texts")
                               << QStringLiteral("sources[0].path: error: \"texts\" is not a regular file (a FIFO / "
                                                 "device / folder); point it at a text file");
    QTest::newRow("fifo") << QStringLiteral("texts/pipe.txt")
                          << QStringLiteral("sources[0].path: error: \"texts/pipe.txt\" is not a regular file (a FIFO "
                                            "/ device / folder); point it at a text file");
    QTest::newRow("missing")
        << QStringLiteral("nope.txt")
        << QStringLiteral("sources[0].path: error: the source file \"nope.txt\" does not exist next to the case file");
    QTest::newRow("not utf-8")
        << QStringLiteral("latin1.txt")
        << QStringLiteral("sources[0].path: error: the source \"latin1.txt\" is not valid UTF-8; re-save it as UTF-8");
}

void tst_CaseReader::sourcePaths()
{
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QTemporaryDir outside;
    QTemporaryDir dir;
    QVERIFY(dir.isValid() && outside.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("texts")));
    auto write = [](const QString &file, const QByteArray &bytes) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write(dir.filePath(QStringLiteral("texts/a.txt")), "The UK said it summoned the Chinese Ambassador.");
    write(dir.filePath(QStringLiteral("latin1.txt")), "caf\xe9");
    write(outside.filePath(QStringLiteral("secret.txt")), "The UK said it summoned the Chinese Ambassador.");
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.txt")), dir.filePath(QStringLiteral("link.txt"))));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), dir.filePath(QStringLiteral("null.txt"))));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("texts/pipe.txt"))).constData(), 0600), 0);

    QJsonObject root = QJsonDocument::fromJson(BaseCase).object();
    QJsonArray sources = root[QStringLiteral("sources")].toArray();
    QJsonObject s = sources[0].toObject();
    s.remove(QStringLiteral("text"));
    s[QStringLiteral("path")] = path;
    sources[0] = s;
    root[QStringLiteral("sources")] = sources;
    // Keep the case's events out of it: only the source's own problem matters here.
    root.remove(QStringLiteral("events"));
    root.remove(QStringLiteral("claims"));
    root.remove(QStringLiteral("disagreements"));
    const QString caseFile = dir.filePath(QStringLiteral("case.json"));
    write(caseFile, QJsonDocument(root).toJson());

    const CaseLoad load = CaseReader::readFile(caseFile);
    if (problem.isEmpty()) {
        QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
        QCOMPARE(load.kase.sources[0].text, QStringLiteral("The UK said it summoned the Chinese Ambassador."));
    } else {
        QCOMPARE(problemsText(load), caseFile + QStringLiteral(": ") + problem);
    }
}

void tst_CaseReader::changedSourceText()
{
    QJsonObject root = QJsonDocument::fromJson(BaseCase).object();
    QJsonArray sources = root[QStringLiteral("sources")].toArray();
    QJsonObject s = sources[0].toObject();
    s[QStringLiteral("sha256")] = QStringLiteral("00");
    sources[0] = s;
    root[QStringLiteral("sources")] = sources;
    const CaseLoad load = CaseReader::readData(QJsonDocument(root).toJson(), QStringLiteral("c.json"), QString());
    QCOMPARE(load.problems.size(), 1);
    QVERIFY(!load.problems[0].isError());
    QCOMPARE(load.problems[0].path, QStringLiteral("sources[0].sha256"));
    QVERIFY(
        load.problems[0].message.startsWith(QStringLiteral("the source text has changed since the case recorded it")));
}

void tst_CaseReader::missingFile()
{
    const CaseLoad load = CaseReader::readFile(QStringLiteral("/nonexistent/case.json"));
    QCOMPARE(problemsText(load),
             QStringLiteral("/nonexistent/case.json: error: the file does not exist; check the path"));
    const CaseLoad dir = CaseReader::readFile(QDir::tempPath());
    QCOMPARE(problemsText(dir),
             QDir::tempPath() + QStringLiteral(": error: this is a folder; open the case's .json file inside it"));
}

void tst_CaseReader::roundTrip()
{
    // load -> save -> load gives an equal case; save -> load -> save gives identical bytes.
    for (const QString &file : {QStringLiteral(":/apt31-march-2024.json")}) {
        const CaseLoad first = CaseReader::readFile(file);
        QVERIFY2(first.ok(), qPrintable(problemsText(first)));
        const QByteArray saved = CaseWriter::toJson(first.kase);
        const CaseLoad second = CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
        QVERIFY2(second.problems.isEmpty(), qPrintable(problemsText(second)));
        QVERIFY(first.kase == second.kase);
        QCOMPARE(CaseWriter::toJson(second.kase), saved);
    }
    const CaseLoad base = CaseReader::readData(BaseCase, QStringLiteral("b.json"), QString());
    const QByteArray saved = CaseWriter::toJson(base.kase);
    const CaseLoad again = CaseReader::readData(saved, QStringLiteral("b.json"), QString());
    QVERIFY(base.kase == again.kase);
    QCOMPARE(CaseWriter::toJson(again.kase), saved);
}

void tst_CaseReader::approximateEndsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QByteArray>("written"); // the "approximate" value the writer writes, or empty for none
    QTest::newRow("exact range") << QByteArray(R"({"start": "2010", "end": "2024-03-25"})")
                                 << QStringLiteral("2010 \u2013 25 Mar 2024") << QByteArray();
    QTest::newRow("start approximate") << QByteArray(
        R"({"start": "2010", "end": "2024-03-25", "approximate": "start"})")
                                       << QStringLiteral("c. 2010 \u2013 25 Mar 2024") << QByteArray("\"start\"");
    QTest::newRow("end approximate") << QByteArray(R"({"start": "2010", "end": "2024-03", "approximate": "end"})")
                                     << QStringLiteral("2010 \u2013 c. Mar 2024") << QByteArray("\"end\"");
    QTest::newRow("both ends") << QByteArray(R"({"start": "2021", "end": "2022", "approximate": true})")
                               << QStringLiteral("c. 2021\u201322") << QByteArray("true");
    QTest::newRow("a single date") << QByteArray(R"({"start": "2010", "approximate": true})")
                                   << QStringLiteral("c. 2010") << QByteArray("true");
    QTest::newRow("end of an open start") << QByteArray(R"({"start": null, "end": "2024-03-25", "approximate": "end"})")
                                          << QStringLiteral("\u2026 \u2013 c. 25 Mar 2024") << QByteArray("\"end\"");
    // As written before per-end approximation: the whole of a range whose start is unknown is its known end.
    QTest::newRow("whole of an open start")
        << QByteArray(R"({"start": null, "end": "2024-03-25", "approximate": true})")
        << QStringLiteral("\u2026 \u2013 c. 25 Mar 2024") << QByteArray("true");
    QTest::newRow("false") << QByteArray(R"({"start": "2010", "end": "2024", "approximate": false})")
                           << QStringLiteral("2010\u201324") << QByteArray();
}

// "approximate": true, false, "start" or "end" reads, shows "c." on the approximate end only, and is written
// back as it was read (false as nothing).
void tst_CaseReader::approximateEndsRoundTrip()
{
    QFETCH(QByteArray, date);
    QFETCH(QString, shown);
    QFETCH(QByteArray, written);
    const CaseLoad load
        = CaseReader::readData(mutated(QStringLiteral("events[0].date"), date), QStringLiteral("case.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    const PartialDate &d = load.kase.events.at(0).date;
    QCOMPARE(d.toDisplayString(), shown);
    const QByteArray saved = CaseWriter::toJson(load.kase);
    const QJsonValue value = QJsonDocument::fromJson(saved)
                                 .object()
                                 .value(QStringLiteral("events"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("date"))
                                 .toObject()
                                 .value(QStringLiteral("approximate"));
    if (written.isEmpty()) {
        QVERIFY(value.isUndefined());
    } else {
        QCOMPARE(value, QJsonDocument::fromJson("[" + written + "]").array().at(0));
    }
    const CaseLoad again = CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
    QVERIFY2(again.problems.isEmpty(), qPrintable(problemsText(again)));
    QCOMPARE(again.kase.events.at(0).date, d);
    QCOMPARE(CaseWriter::toJson(again.kase), saved);
}

void tst_CaseReader::referenceOnly()
{
    const QString file = QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json");
    const CaseLoad load = CaseReader::readFile(file);
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    const Case &k = load.kase;
    QCOMPARE(k.sources.size(), 3);
    QVERIFY(!k.sources[0].referenceOnly);
    const Source &ref1 = k.sources[1];
    QVERIFY(ref1.referenceOnly);
    QVERIFY(ref1.text.isEmpty());
    QVERIFY(ref1.path.isEmpty());
    // The hash names the text elsewhere: kept as given, not the hash of an empty text.
    QCOMPARE(ref1.sha256, QStringLiteral("340f3c15c771c16b9a7c2ad50d90f511137cfa12713d9267ea93fd5f7cd122bc"));
    QVERIFY(k.sources[2].referenceOnly);
    QVERIFY(k.sources[2].sha256.isEmpty());
    QCOMPARE(displayTitle(k.sources[2]),
             QStringLiteral("https://example.org/statements/denial (reference only, no title given)"));

    // Every citation of a reference is "reference only", with its position as given or -1; the
    // citation of the ordinary source is anchored as ever.
    const Event &e1 = k.events[0];
    QCOMPARE(e1.citations[0].anchor, Citation::Anchor::Exact);
    QCOMPARE(e1.citations[1].anchor, Citation::Anchor::ReferenceOnly);
    QCOMPARE(e1.citations[1].start, -1);
    QCOMPARE(e1.citations[1].end, -1);
    const Citation &given = k.events[1].citations[0];
    QCOMPARE(given.anchor, Citation::Anchor::ReferenceOnly);
    QCOMPARE(given.start, 10);
    QCOMPARE(given.end, 31);
    QCOMPARE(k.claims[0].citations[0].anchor, Citation::Anchor::ReferenceOnly);
    QCOMPARE(anchorName(Citation::Anchor::ReferenceOnly), QStringLiteral("reference only"));

    // Written: the flag, no text, no path, the hash only where one was given, positions only where given.
    const QByteArray saved = CaseWriter::toJson(k);
    const QJsonObject root = QJsonDocument::fromJson(saved).object();
    const QJsonArray sources = root[QStringLiteral("sources")].toArray();
    const QJsonObject w1 = sources[1].toObject();
    QCOMPARE(w1[QStringLiteral("referenceOnly")], QJsonValue(true));
    QVERIFY(!w1.contains(QStringLiteral("text")));
    QVERIFY(!w1.contains(QStringLiteral("path")));
    QCOMPARE(w1[QStringLiteral("sha256")].toString(), ref1.sha256);
    QVERIFY(!sources[2].toObject().contains(QStringLiteral("sha256")));
    QVERIFY(!sources[0].toObject().contains(QStringLiteral("referenceOnly")));
    const QJsonArray events = root[QStringLiteral("events")].toArray();
    const QJsonObject noPosition = events[0].toObject()[QStringLiteral("citations")].toArray()[1].toObject();
    QVERIFY(!noPosition.contains(QStringLiteral("start")));
    QVERIFY(!noPosition.contains(QStringLiteral("end")));
    const QJsonObject withPosition = events[1].toObject()[QStringLiteral("citations")].toArray()[0].toObject();
    QCOMPARE(withPosition[QStringLiteral("start")].toInt(), 10);

    // save -> load -> save: identical bytes, an equal case.
    const CaseLoad again = CaseReader::readData(saved, QStringLiteral("saved.json"), QString());
    QVERIFY2(again.problems.isEmpty(), qPrintable(problemsText(again)));
    QVERIFY(again.kase == k);
    QCOMPARE(again.kase.sources[1].sha256, ref1.sha256);
    QCOMPARE(CaseWriter::toJson(again.kase), saved);
}

void tst_CaseReader::referenceOnlyProblems_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("problems");
    auto row = [](const char *name, const char *path, const char *value, const char *problems) {
        QTest::newRow(name) << QString::fromLatin1(path) << QByteArray(value) << QString::fromUtf8(problems);
    };
    row("path too", "sources[1].path", "\"sources/ref1.txt\"",
        "refs.json: sources[1]: error: a source with \"referenceOnly\": true holds no text; remove \"path\", or "
        "remove \"referenceOnly\" to keep the text");
    row("not a hash", "sources[1].sha256", "\"abc\"",
        "refs.json: sources[1].sha256: warning: \"abc\" is not a SHA-256 (64 hex digits) and is left out; give the "
        "hash of the source's UTF-8 text, or remove it");
    row("start without end", "events[1].citations[0].end", "undefined",
        "refs.json: events[1].citations[0]: error: give both \"start\" and \"end\" or neither; the source \"ref2\" "
        "is a reference only, so the position need not be given");
    row("position not an integer", "events[1].citations[0].start", "\"10\"",
        "refs.json: events[1].citations[0].start: error: expected an integer, found a string");
    // Without the flag, a source with no text is a mistake, not a reference.
    row("flag forgotten", "sources[2].referenceOnly", "undefined",
        "refs.json: sources[2]: error: give \"text\" (the source embedded) or \"path\" (a file next to the case "
        "file); for a source whose text the case does not hold, say \"referenceOnly\": true");
    // An ordinary source's citation still needs its position.
    row("ordinary source needs a position", "events[0].citations[0].start", "undefined",
        "refs.json: events[0].citations[0].start: error: is required (an integer) but is missing");
}

void tst_CaseReader::referenceOnlyProblems()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(QString, problems);
    QFile file(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject base = QJsonDocument::fromJson(file.readAll()).object();
    QJsonValue v(QJsonValue::Undefined);
    if (value != "undefined") {
        v = QJsonDocument::fromJson("[" + value + "]").array().at(0);
    }
    const QJsonValue changed = setAt(base, path.split(QLatin1Char('.')), v);
    const CaseLoad load
        = CaseReader::readData(QJsonDocument(changed.toObject()).toJson(), QStringLiteral("refs.json"), QString());
    QCOMPARE(problemsText(load), problems);
}

void tst_CaseReader::formatDocumentExample()
{
    // The format document's example must be a case the reader accepts without a single problem.
    QFile doc(QStringLiteral(AT_SOURCE_DIR "/docs/case-format.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const qsizetype begin = text.indexOf(QStringLiteral("```json\n"));
    QVERIFY(begin >= 0);
    const qsizetype end = text.indexOf(QStringLiteral("\n```"), begin + 8);
    const QByteArray example = text.mid(begin + 8, end - begin - 8).toUtf8();
    const CaseLoad load = CaseReader::readData(example, QStringLiteral("example.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemsText(load)));
    QVERIFY(!load.kase.events.isEmpty());
    QVERIFY(!load.kase.claims.isEmpty());
    QVERIFY(!load.kase.disagreements.isEmpty());
}

void tst_CaseReader::writeFailureKeepsOldFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("case.json"));
    const CaseLoad base = CaseReader::readData(BaseCase, QStringLiteral("b.json"), QString());
    QString error;
    QVERIFY2(CaseWriter::writeFile(base.kase, file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    Case bigger = base.kase;
    bigger.description = QString(200000, QLatin1Char('x'));

    // A disk that fills up mid-write.
    const bool wrote = Test::withFileSizeLimit(4096, [&] { return CaseWriter::writeFile(bigger, file, &error); });
    QVERIFY(!wrote);
    QVERIFY2(error.startsWith(file + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("the previous file is unchanged")), qPrintable(error));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    f.close();
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("case.json")});

    // A folder the user may not write to (only meaningful when not root, who may write anywhere).
    if (geteuid() != 0) {
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const bool wroteReadOnly = CaseWriter::writeFile(bigger, file, &error);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!wroteReadOnly);
        QVERIFY2(error.startsWith(file + QStringLiteral(": cannot write")), qPrintable(error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }
}

QTEST_GUILESS_MAIN(tst_CaseReader)
#include "tst_casereader.moc"

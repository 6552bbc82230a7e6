#include "builtincase.h"
#include "casereader.h"
#include "caseschema.h"
#include "casewriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <functional>

using namespace AT;
using CaseSchema::Field;
using CaseSchema::Kind;
using CaseSchema::Presence;
using CaseSchema::Type;

// A named namespace, not an anonymous one: the test class below holds a Walk, and a unity build
// (the sanitizer pass) would otherwise warn that it uses a type with internal linkage.
namespace CaseSchemaTest {

// Every key of the schema at least once, in a case that reads without a problem. The first of each
// kind of object that has a key is the one the reader tests change: its conditions hold (the first
// claim has a numeric confidence, the first provenance is relative). No "//" in it: moc would take
// it for a comment and find no test class.
constexpr const char *FullCase = R"({
    "format": "attribution-timeline-case", "version": 1, "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "title": "Every key", "description": "A case that uses every key",
    "sources": [
        {"id": "s1", "title": "A short report", "publisher": "A publisher", "url": "https:\/\/example.org\/report",
         "published": "2024-03-26", "retrieved": "2024-03-27",
         "text": "On Monday the UK said it summoned the Chinese Ambassador. China denied wrongdoing. Analysts called it theatre."},
        {"id": "s2", "title": "An article", "publisher": null, "url": null, "published": null, "retrieved": null,
         "path": "qrc:/sources/000_003ba14d138208ef.txt"},
        {"id": "s3", "title": "A report whose text is elsewhere", "url": "https:\/\/example.org\/elsewhere",
         "referenceOnly": true, "sha256": "86cda2a0141f27ea035b1f9f8d71d23fc0214dcf4887f6704c5e8fd80417201d"}
    ],
    "actors": [
        {"id": "cn", "name": "Chinese government", "kind": "government", "description": "The government of China",
         "citations": [{"source": "s1", "quote": "China", "start": 58, "end": 63}],
         "aliases": [{"name": "China", "usedBy": ["uk"], "citations": [{"source": "s1", "quote": "China", "start": 58, "end": 63}]}],
         "affiliations": [{"actor": "uk", "relation": "was summoned by",
                           "citations": [{"source": "s1", "quote": "Chinese Ambassador", "start": 38, "end": 56}]}],
         "notes": "Check who else calls it that"},
        {"id": "uk", "name": "UK government", "kind": "government"}
    ],
    "disagreements": [
        {"id": "d1", "question": "Did China do wrong?", "kind": "specificity", "versions": [
            {"statement": "The UK acted on its findings",
             "citations": [{"source": "s1", "quote": "the UK said it summoned the Chinese Ambassador", "start": 10, "end": 56}]},
            {"statement": "China denies wrongdoing",
             "citations": [{"source": "s1", "quote": "China denied wrongdoing", "start": 58, "end": 81}]}]}
    ],
    "events": [
        {"id": "e1", "title": "UK summons the Chinese Ambassador", "summary": "On Monday the UK summoned the ambassador.",
         "category": "diplomatic", "tags": ["summons"], "disagreements": ["d1"],
         "date": {"start": "2024-03-25"},
         "participants": [{"actor": "uk", "role": "summoner"}, {"actor": "cn", "role": "summoned"}],
         "citations": [{"source": "s1", "quote": "the UK said it summoned the Chinese Ambassador", "start": 10, "end": 56,
                        "prefix": "On Monday ", "suffix": ". China"}],
         "notes": "Ask the embassy for the date",
         "acceptedWarnings": [{"rule": "beyond-quotes", "reason": "Monday is in the prefix, just before the quote"}]}
    ],
    "claims": [
        {"id": "c1", "attributor": "uk", "subject": "cn", "event": "e1", "statement": "The UK found China warranted a summons",
         "confidence": "said", "confidenceValue": 90, "yardstick": "a test scale",
         "date": {"start": "2024-03-25", "end": "2024-03-26", "approximate": true, "qualifier": "by",
                  "provenance": {"kind": "relative", "expression": "On Monday", "reference": "2024-03-26",
                                 "note": "the report's publication day",
                                 "citations": [{"source": "s1", "quote": "On Monday", "start": 0, "end": 9}]}},
         "citations": [{"source": "s1", "quote": "said it summoned", "start": 17, "end": 33}], "disagreements": ["d1"],
         "notes": "Not in the other reports",
         "acceptedWarnings": [{"rule": "beyond-quotes", "reason": "the quote's sentence names both"}]},
        {"id": "c2", "attributor": "cn", "subject": "cn", "event": "e1", "statement": "No wrongdoing",
         "confidence": null, "citations": [{"source": "s1", "quote": "China denied wrongdoing", "start": 58, "end": 81},
                                           {"source": "s3", "quote": "denied any wrongdoing"}],
         "disputes": ["c1"]}
    ],
    "reviewed": [
        {"passage": {"source": "s1", "quote": "Analysts called it theatre.", "start": 83, "end": 110, "prefix": "wrongdoing. "},
         "reason": "duplicate", "note": "the same remark is cited from the other report"}
    ]
})";

// A step of a JSON path: a key (QString) or an index (qsizetype).
using Steps = QList<QVariant>;

QString pathText(const Steps &steps)
{
    QString out;
    for (const QVariant &step : steps) {
        if (step.typeId() == QMetaType::QString) {
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + step.toString();
        } else {
            out += QLatin1Char('[') + QString::number(step.toLongLong()) + QLatin1Char(']');
        }
    }
    return out;
}

QString keyPath(const Steps &steps, const QString &key)
{
    return pathText(Steps(steps) << key);
}

const Field *findField(Kind kind, QStringView key)
{
    for (const Field &f : CaseSchema::fields(kind)) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

QStringList schemaKeys(Kind kind)
{
    QStringList keys;
    for (const Field &f : CaseSchema::fields(kind)) {
        keys << QString(f.key);
    }
    return keys;
}

struct Instance
{
    Kind kind;
    Steps steps;
    QJsonObject object;
};

// A written case seen through the schema: every object with its kind, every key per kind, and
// the keys the schema does not know.
struct Walk
{
    QList<Instance> instances;
    QHash<Kind, QSet<QString>> keys;
    QStringList strays;

    void visit(const QJsonObject &o, Kind kind, const Steps &steps)
    {
        instances.append(Instance {kind, steps, o});
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const Field *f = findField(kind, it.key());
            if (!f) {
                strays << CaseSchema::kindName(kind) + QStringLiteral(" at ") + keyPath(steps, it.key());
                continue;
            }
            keys[kind].insert(it.key());
            const Steps at = Steps(steps) << it.key();
            if (f->type == Type::Object && it->isObject()) {
                visit(it->toObject(), f->of, at);
            } else if (f->type == Type::Array && it->isArray()) {
                const QJsonArray items = it->toArray();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    visit(items[i].toObject(), f->of, Steps(at) << i);
                }
            }
        }
    }
    // The first object of this kind that has the key.
    const Instance *firstWith(Kind kind, const QString &key) const
    {
        for (const Instance &i : instances) {
            if (i.kind == kind && i.object.contains(key)) {
                return &i;
            }
        }
        return nullptr;
    }
};

Walk walk(const QByteArray &json)
{
    Walk w;
    w.visit(QJsonDocument::fromJson(json).object(), Kind::Case, {});
    return w;
}

// `value` with the object at `steps` changed by `change`.
QJsonValue edited(const QJsonValue &value, const Steps &steps, qsizetype at,
                  const std::function<void(QJsonObject &)> &change)
{
    if (at == steps.size()) {
        QJsonObject o = value.toObject();
        change(o);
        return o;
    }
    if (steps[at].typeId() == QMetaType::QString) {
        QJsonObject o = value.toObject();
        const QString key = steps[at].toString();
        o.insert(key, edited(o.value(key), steps, at + 1, change));
        return o;
    }
    QJsonArray a = value.toArray();
    const qsizetype i = steps[at].toLongLong();
    a.replace(i, edited(a.at(i), steps, at + 1, change));
    return a;
}

CaseLoad readChanged(const QByteArray &json, const Steps &steps, const std::function<void(QJsonObject &)> &change)
{
    const QJsonValue root = edited(QJsonDocument::fromJson(json).object(), steps, 0, change);
    return CaseReader::readData(QJsonDocument(root.toObject()).toJson(), QStringLiteral("changed.json"), QString());
}

QString problemList(const CaseLoad &load)
{
    QStringList out;
    for (const Problem &p : load.problems) {
        out << p.toString();
    }
    return out.join(QLatin1Char('\n'));
}

// An error at the object or the key, or on the object about the key (a numeric confidence needs
// its "confidence" wording).
bool errorAbout(const CaseLoad &load, const Steps &steps, const QString &key)
{
    const QString object = pathText(steps);
    const QString quoted = QLatin1Char('"') + key + QLatin1Char('"');
    for (const Problem &p : load.problems) {
        if (!p.isError()) {
            continue;
        }
        if (p.path == object || p.path == keyPath(steps, key)) {
            return true;
        }
        // Another key of the same object, with a message that names this one.
        const QString prefix = object.isEmpty() ? QString() : object + QLatin1Char('.');
        static const QRegularExpression plainKey(QStringLiteral("^\\w+$"));
        if (p.path.startsWith(prefix) && plainKey.match(p.path.mid(prefix.size())).hasMatch()
            && p.message.contains(quoted)) {
            return true;
        }
    }
    return false;
}

bool errorAt(const CaseLoad &load, const QString &path)
{
    return std::any_of(load.problems.cbegin(), load.problems.cend(),
                       [&](const Problem &p) { return p.isError() && p.path == path; });
}

// The tables of docs/case-format.md: after a "<!-- schema table: Kind -->" line, each row's cells.
struct DocTable
{
    QString kind;
    qsizetype firstLine = -1; // the marker's line
    qsizetype endLine = -1; // just past the table
    QList<QStringList> rows; // header and separator included
};

QStringList cells(const QString &line)
{
    QStringList out = line.split(QLatin1Char('|'));
    if (out.size() >= 2) {
        out = out.mid(1, out.size() - 2); // the empty text before the first and after the last bar
    }
    for (QString &cell : out) {
        cell = cell.trimmed();
    }
    return out;
}

QList<DocTable> docTables(const QStringList &lines)
{
    static const QRegularExpression marker(QStringLiteral("^<!-- schema table: (\\w+) -->$"));
    QList<DocTable> tables;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch m = marker.match(lines[i]);
        if (!m.hasMatch()) {
            continue;
        }
        DocTable t;
        t.kind = m.captured(1);
        t.firstLine = i;
        qsizetype j = i + 1;
        while (j < lines.size() && lines[j].startsWith(QLatin1Char('|'))) {
            t.rows << cells(lines[j]);
            ++j;
        }
        t.endLine = j;
        tables << t;
    }
    return tables;
}

QList<QStringList> expectedRows(Kind kind)
{
    QList<QStringList> rows;
    const QStringList lines = CaseSchema::markdownTable(kind).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        rows << cells(line);
    }
    return rows;
}

} // namespace CaseSchemaTest

using namespace CaseSchemaTest;

class tst_CaseSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void schemaIsWellFormed();
    void docTablesMatchTheSchema();
    void fullCaseReadsCleanly();
    void writerWritesOnlySchemaKeys_data();
    void writerWritesOnlySchemaKeys();
    void writerCoversEverySchemaKey();
    void readerListsTheSchemaKeys_data();
    void readerListsTheSchemaKeys();
    void readerAgreesOnRequired_data();
    void readerAgreesOnRequired();
    void readerAgreesOnTypes_data();
    void readerAgreesOnTypes();

private:
    QByteArray m_full; // FullCase as the writer writes it
    Walk m_fullWalk;
    void fieldRows();
};

void tst_CaseSchema::initTestCase()
{
    const CaseLoad load = CaseReader::readData(FullCase, QStringLiteral("full.json"), QString());
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load)));
    m_full = CaseWriter::toJson(load.kase);
    m_fullWalk = walk(m_full);
}

void tst_CaseSchema::schemaIsWellFormed()
{
    QSet<Kind> described;
    for (const Kind kind : CaseSchema::Kinds) {
        QVERIFY2(!described.contains(kind), qPrintable(CaseSchema::kindName(kind)));
        described.insert(kind);
        QSet<QString> keys;
        for (const Field &f : CaseSchema::fields(kind)) {
            const QString what = CaseSchema::kindName(kind) + QLatin1Char('.') + f.key;
            QVERIFY2(!keys.contains(f.key), qPrintable(what + QStringLiteral(" is listed twice")));
            keys.insert(f.key);
            QVERIFY2(!f.meaning.isEmpty(), qPrintable(what + QStringLiteral(" has no meaning")));
            QVERIFY2((f.presence == Presence::Conditional) == !f.when.isEmpty(), qPrintable(what));
        }
    }
    // Every kind is reachable from the top level.
    QSet<Kind> reached {Kind::Case};
    QList<Kind> queue {Kind::Case};
    while (!queue.isEmpty()) {
        for (const Field &f : CaseSchema::fields(queue.takeFirst())) {
            if ((f.type == Type::Object || f.type == Type::Array) && !reached.contains(f.of)) {
                reached.insert(f.of);
                queue << f.of;
            }
        }
    }
    QCOMPARE(reached, described);
}

// docs/case-format.md shows the schema's own tables: same kinds, keys, types, presence and meanings.
// On a difference the expected file is written next to the test, to compare or copy over.
void tst_CaseSchema::docTablesMatchTheSchema()
{
    QFile doc(QStringLiteral(AT_SOURCE_DIR "/docs/case-format.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(doc.readAll()).split(QLatin1Char('\n'));
    const QList<DocTable> tables = docTables(lines);

    QStringList expectedDoc;
    qsizetype copied = 0;
    for (const DocTable &t : tables) {
        expectedDoc << lines.mid(copied, t.firstLine + 1 - copied);
        for (const Kind kind : CaseSchema::Kinds) {
            if (CaseSchema::kindName(kind) == t.kind) {
                expectedDoc << CaseSchema::markdownTable(kind).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            }
        }
        copied = t.endLine;
    }
    expectedDoc << lines.mid(copied);
    const QString expectedPath = QCoreApplication::applicationDirPath() + QStringLiteral("/case-format.md.expected");
    auto writeExpected = [&] {
        QFile out(expectedPath);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(expectedDoc.join(QLatin1Char('\n')).toUtf8());
        }
        return QStringLiteral(" (expected file written to %1)").arg(QFileInfo(out).absoluteFilePath());
    };

    QStringList documented;
    for (const DocTable &t : tables) {
        documented << t.kind;
    }
    QStringList kinds;
    for (const Kind kind : CaseSchema::Kinds) {
        kinds << CaseSchema::kindName(kind);
    }
    QStringList sortedDocumented = documented;
    sortedDocumented.sort();
    kinds.sort();
    QVERIFY2(sortedDocumented == kinds,
             qPrintable(QStringLiteral("the doc has tables for %1; the schema has the kinds %2")
                            .arg(documented.join(QStringLiteral(", ")), kinds.join(QStringLiteral(", ")))));
    for (const DocTable &t : tables) {
        Kind kind = Kind::Case;
        for (const Kind k : CaseSchema::Kinds) {
            if (CaseSchema::kindName(k) == t.kind) {
                kind = k;
            }
        }
        const QList<QStringList> expected = expectedRows(kind);
        for (qsizetype r = 0; r < std::max(expected.size(), t.rows.size()); ++r) {
            const QStringList want = expected.value(r);
            const QStringList have = t.rows.value(r);
            if (want != have) {
                QFAIL(qPrintable(
                    QStringLiteral("docs/case-format.md, table %1 (line %2), row %3:\n  doc:    | %4 |\n"
                                   "  schema: | %5 |%6")
                        .arg(t.kind)
                        .arg(t.firstLine + 1 + r + 1)
                        .arg(r + 1)
                        .arg(have.join(QStringLiteral(" | ")), want.join(QStringLiteral(" | ")), writeExpected())));
            }
        }
    }
    // No hand-written key table outside the generated ones.
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].startsWith(QStringLiteral("| key |"))
            && (i == 0 || !lines[i - 1].startsWith(QStringLiteral("<!-- schema table:")))) {
            QFAIL(qPrintable(
                QStringLiteral("docs/case-format.md line %1: a key table not generated from the schema").arg(i + 1)));
        }
    }
}

void tst_CaseSchema::fullCaseReadsCleanly()
{
    // What the writer wrote reads back without a problem (no unknown key either) and writes the same.
    const CaseLoad again = CaseReader::readData(m_full, QStringLiteral("written.json"), QString());
    QVERIFY2(again.problems.isEmpty(), qPrintable(problemList(again)));
    QCOMPARE(CaseWriter::toJson(again.kase), m_full);
}

void tst_CaseSchema::writerWritesOnlySchemaKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("built-in case") << builtinCasePath();
    QTest::newRow("every key") << QString();
}

void tst_CaseSchema::writerWritesOnlySchemaKeys()
{
    QFETCH(QString, path);
    QByteArray written = m_full;
    if (!path.isEmpty()) {
        const CaseLoad load = CaseReader::readFile(path);
        QVERIFY2(load.ok(), qPrintable(problemList(load)));
        written = CaseWriter::toJson(load.kase);
    }
    const Walk w = walk(written);
    QVERIFY2(w.strays.isEmpty(), qPrintable(w.strays.join(QStringLiteral("; "))));
    QVERIFY(w.instances.size() > 10);
}

void tst_CaseSchema::writerCoversEverySchemaKey()
{
    // The built-in case and the case of every key, written: together they use each key of each kind.
    const CaseLoad builtin = CaseReader::readFile(builtinCasePath());
    QVERIFY(builtin.ok());
    Walk w = walk(CaseWriter::toJson(builtin.kase));
    for (const Kind kind : CaseSchema::Kinds) {
        w.keys[kind].unite(m_fullWalk.keys.value(kind));
    }
    for (const Kind kind : CaseSchema::Kinds) {
        QStringList unwritten;
        for (const Field &f : CaseSchema::fields(kind)) {
            if (!w.keys.value(kind).contains(f.key)) {
                unwritten << QString(f.key);
            }
        }
        QVERIFY2(unwritten.isEmpty(),
                 qPrintable(CaseSchema::kindName(kind) + QStringLiteral(": the writer never writes ")
                            + unwritten.join(QStringLiteral(", "))));
    }
}

void tst_CaseSchema::fieldRows()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("key");
    for (const Kind kind : CaseSchema::Kinds) {
        for (const Field &f : CaseSchema::fields(kind)) {
            const QString name = CaseSchema::kindName(kind) + QLatin1Char('.') + f.key;
            QTest::newRow(qPrintable(name)) << kind << QString(f.key);
        }
    }
}

void tst_CaseSchema::readerListsTheSchemaKeys_data()
{
    QTest::addColumn<Kind>("kind");
    for (const Kind kind : CaseSchema::Kinds) {
        QTest::newRow(qPrintable(CaseSchema::kindName(kind))) << kind;
    }
}

// An unknown key is reported with exactly the schema's keys as the known ones.
void tst_CaseSchema::readerListsTheSchemaKeys()
{
    QFETCH(Kind, kind);
    const Instance *at = m_fullWalk.firstWith(kind, QString(CaseSchema::fields(kind).front().key));
    QVERIFY(at);
    const CaseLoad load
        = readChanged(m_full, at->steps, [](QJsonObject &o) { o.insert(QStringLiteral("notInTheSchema"), 1); });
    const QString expected = QStringLiteral("unknown key \"notInTheSchema\" is ignored and will not be saved; known "
                                            "keys: ")
        + schemaKeys(kind).join(QStringLiteral(", "));
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems[0].path, pathText(at->steps));
    QCOMPARE(load.problems[0].message, expected);
    QVERIFY(!load.problems[0].isError());
}

void tst_CaseSchema::readerAgreesOnRequired_data()
{
    fieldRows();
}

// Without a required key (or one of a pair, or a conditional one whose condition holds) the object
// has an error; without an optional one it has none.
void tst_CaseSchema::readerAgreesOnRequired()
{
    QFETCH(Kind, kind);
    QFETCH(QString, key);
    const Field *field = findField(kind, key);
    const Instance *at = m_fullWalk.firstWith(kind, key);
    QVERIFY2(at, "the case of every key has no such object with this key");
    const CaseLoad load = readChanged(m_full, at->steps, [&](QJsonObject &o) { o.remove(key); });
    const bool error = errorAbout(load, at->steps, key);
    if (field->presence == Presence::Optional) {
        QVERIFY2(!error, qPrintable(problemList(load)));
    } else {
        QVERIFY2(error,
                 qPrintable(QStringLiteral("no error at %1 without the key; problems:\n%2")
                                .arg(pathText(at->steps), problemList(load))));
    }
}

void tst_CaseSchema::readerAgreesOnTypes_data()
{
    fieldRows();
}

// A value of another type is an error at the key; null is accepted where the type says "or null".
void tst_CaseSchema::readerAgreesOnTypes()
{
    QFETCH(Kind, kind);
    QFETCH(QString, key);
    const Field *field = findField(kind, key);
    const Instance *at = m_fullWalk.firstWith(kind, key);
    QVERIFY(at);
    const QJsonValue wrong = field->type == Type::Integer ? QJsonValue(QStringLiteral("12")) : QJsonValue(12);
    const CaseLoad load = readChanged(m_full, at->steps, [&](QJsonObject &o) { o.insert(key, wrong); });
    QVERIFY2(errorAt(load, keyPath(at->steps, key)), qPrintable(problemList(load)));
    if ((field->type == Type::StringOrNull || field->type == Type::DatePointOrNull)
        && field->presence != Presence::Conditional) {
        const CaseLoad withNull
            = readChanged(m_full, at->steps, [&](QJsonObject &o) { o.insert(key, QJsonValue::Null); });
        QVERIFY2(!errorAbout(withNull, at->steps, key), qPrintable(problemList(withNull)));
    }
}

QTEST_GUILESS_MAIN(tst_CaseSchema)
#include "tst_caseschema.moc"

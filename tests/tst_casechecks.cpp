// The checker rules (models/case/casechecks.h): what each rule finds, where and in which words, what
// it tolerates, and how acceptances silence, count and go stale.
#include "casechecks.h"
#include "casereader.h"
#include "casereport.h"
#include "casewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace AT;

namespace {

// A case around one source text: citations are placed where their quote stands in it.
class CaseBuilder
{
public:
    explicit CaseBuilder(QString text)
        : m_text(std::move(text))
    { }

    QJsonObject citation(const QString &quote) const
    {
        const qsizetype at = m_text.indexOf(quote);
        if (at < 0) {
            qFatal("not in the test source: %s", qPrintable(quote));
        }
        const qsizetype start = QStringView(m_text).left(at).toUcs4().size();
        QJsonObject c;
        c.insert(QStringLiteral("source"), QStringLiteral("s"));
        c.insert(QStringLiteral("quote"), quote);
        c.insert(QStringLiteral("start"), start);
        c.insert(QStringLiteral("end"), start + QStringView(quote).toUcs4().size());
        return c;
    }
    QJsonArray citations(const QStringList &quotes) const
    {
        QJsonArray out;
        for (const QString &q : quotes) {
            out.append(citation(q));
        }
        return out;
    }
    void addActor(const QString &id, const QString &name, const QStringList &aliases = {})
    {
        QJsonObject a;
        a.insert(QStringLiteral("id"), id);
        a.insert(QStringLiteral("name"), name);
        a.insert(QStringLiteral("kind"), QStringLiteral("group"));
        QJsonArray names;
        for (const QString &alias : aliases) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), alias);
            names.append(o);
        }
        if (!names.isEmpty()) {
            a.insert(QStringLiteral("aliases"), names);
        }
        m_actors.append(a);
    }
    QJsonObject event(const QString &summary, const QStringList &quotes) const
    {
        QJsonObject e;
        e.insert(QStringLiteral("id"), QStringLiteral("e%1").arg(m_events.size()));
        e.insert(QStringLiteral("title"), QStringLiteral("An event"));
        if (!summary.isEmpty()) {
            e.insert(QStringLiteral("summary"), summary);
        }
        e.insert(QStringLiteral("category"), QStringLiteral("intrusion"));
        QJsonObject date;
        date.insert(QStringLiteral("start"), QStringLiteral("2024-03-25"));
        e.insert(QStringLiteral("date"), date);
        e.insert(QStringLiteral("citations"), citations(quotes));
        return e;
    }
    QJsonObject claim(const QString &statement, const QStringList &quotes, const QString &confidence = {}) const
    {
        QJsonObject c;
        c.insert(QStringLiteral("id"), QStringLiteral("c%1").arg(m_claims.size()));
        c.insert(QStringLiteral("attributor"), QStringLiteral("a"));
        c.insert(QStringLiteral("statement"), statement);
        if (!confidence.isEmpty()) {
            c.insert(QStringLiteral("confidence"), confidence);
        }
        c.insert(QStringLiteral("citations"), citations(quotes));
        return c;
    }
    // A relative date: `expression`, resolved against 2024-03-26, established by `established`.
    QJsonObject relativeDate(const QString &expression, const QStringList &established = {}) const
    {
        QJsonObject p;
        p.insert(QStringLiteral("kind"), QStringLiteral("relative"));
        p.insert(QStringLiteral("expression"), expression);
        p.insert(QStringLiteral("reference"), QStringLiteral("2024-03-26"));
        if (!established.isEmpty()) {
            p.insert(QStringLiteral("citations"), citations(established));
        }
        QJsonObject date;
        date.insert(QStringLiteral("start"), QStringLiteral("2024-03-25"));
        date.insert(QStringLiteral("provenance"), p);
        return date;
    }
    void add(const QJsonObject &item)
    {
        (item.contains(QStringLiteral("attributor")) ? m_claims : m_events).append(item);
    }
    QByteArray json() const
    {
        QJsonObject source;
        source.insert(QStringLiteral("id"), QStringLiteral("s"));
        source.insert(QStringLiteral("title"), QStringLiteral("A report"));
        source.insert(QStringLiteral("text"), m_text);
        QJsonArray actors = m_actors;
        QJsonObject a;
        a.insert(QStringLiteral("id"), QStringLiteral("a"));
        a.insert(QStringLiteral("name"), QStringLiteral("a reporter"));
        a.insert(QStringLiteral("kind"), QStringLiteral("person"));
        actors.prepend(a);
        QJsonObject root;
        root.insert(QStringLiteral("format"), QStringLiteral("attribution-timeline-case"));
        root.insert(QStringLiteral("version"), 1);
        root.insert(QStringLiteral("title"), QStringLiteral("Checks"));
        root.insert(QStringLiteral("sources"), QJsonArray {source});
        root.insert(QStringLiteral("actors"), actors);
        root.insert(QStringLiteral("events"), m_events);
        root.insert(QStringLiteral("claims"), m_claims);
        return QJsonDocument(root).toJson();
    }
    CaseLoad read() const { return CaseReader::readData(json(), QStringLiteral("checks.json"), QString()); }

private:
    QString m_text;
    QJsonArray m_actors;
    QJsonArray m_events;
    QJsonArray m_claims;
};

QJsonArray accepting(const QStringList &rules)
{
    QJsonArray out;
    for (const QString &rule : rules) {
        QJsonObject a;
        a.insert(QStringLiteral("rule"), rule);
        a.insert(QStringLiteral("reason"), QStringLiteral("the author has read it and keeps the wording"));
        out.append(a);
    }
    return out;
}

QString problemList(const CaseLoad &load)
{
    QStringList out;
    for (const Problem &p : load.problems) {
        out << p.toString();
    }
    return out.join(QLatin1Char('\n'));
}

// The problems as "path: warning|error: message" lines, without the file name.
QStringList problems(const CaseLoad &load)
{
    QStringList out;
    for (const Problem &p : load.problems) {
        out << p.path + (p.isError() ? QStringLiteral(": error: ") : QStringLiteral(": warning: ")) + p.message;
    }
    return out;
}

const QString Text = QStringLiteral(
    "The hackers sent over 10,000 malicious emails between 2021 and 2022. "
    "The UK’s National Cyber Security Centre (NCSC) said the systems were “highly likely compromised”. "
    "Zirconium targeted staff working for Joe Biden in 2020. "
    "The US Department of Justice charged seven alleged hackers last year. "
    "It was reported last month that the attempts were unlikely to succeed. "
    "The UK government said yesterday (25 March) that APT 31 was behind it.");

} // namespace

class tst_CaseChecks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unsupported_data();
    void unsupported();
    void nonLatinText_data();
    void nonLatinText();
    void anyTextGivesWordsOfTheText();
    void beyondQuotesInAnEvent();
    void beyondQuotesInAClaim();
    void eventDateProvenanceCitationsCount();
    void confidenceNotQuoted_data();
    void confidenceNotQuoted();
    void relativeExpressionNotQuoted();
    void relativeExpressionInAClaim();
    void acceptanceSilencesAndIsCounted();
    void staleAcceptanceWarns();
    void acceptingTwiceWarns();
    void unknownRuleIsAnError();
    void acceptanceNeedsAReason();
    void acceptancesSurviveWritingAndReading();
    void manyFindingsAreCountedBeyondTheListed();
};

void tst_CaseChecks::unsupported_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("quotes");
    QTest::addColumn<QStringList>("expected");

    const QStringList emails {QStringLiteral("sending over 10,000 malicious emails")};
    QTest::newRow("a year no quote says")
        << QStringLiteral("Hackers sent 10,000 emails in 2020.") << emails << QStringList {QStringLiteral("2020")};
    QTest::newRow("an acronym") << QStringLiteral("The NCSC said so.")
                                << QStringList {QStringLiteral("the agency said so")}
                                << QStringList {QStringLiteral("NCSC")};
    QTest::newRow("an acronym at the start")
        << QStringLiteral("NCSC said so.") << QStringList {QStringLiteral("the agency said so")}
        << QStringList {QStringLiteral("NCSC")};
    QTest::newRow("sentence-initial words are no names")
        << QStringLiteral("Hackers struck. Officials said so: Targets were hit.")
        << QStringList {QStringLiteral("it happened")} << QStringList {};
    QTest::newRow("words in lower case are not checked")
        << QStringLiteral("the hackers stole emails and data") << QStringList {QStringLiteral("it happened")}
        << QStringList {};
    QTest::newRow("a name of two words") << QStringLiteral("It targeted staff of Joe Biden.")
                                         << QStringList {QStringLiteral("staff working for Joe Biden")}
                                         << QStringList {};
    QTest::newRow("a name half supported")
        << QStringLiteral("It targeted staff of Joe Biden.") << QStringList {QStringLiteral("staff working for Biden")}
        << QStringList {QStringLiteral("Joe")};
    QTest::newRow("a name the quotes lack, once")
        << QStringLiteral("It was Volt Typhoon; Volt Typhoon denied it.")
        << QStringList {QStringLiteral("a group denied it")} << QStringList {QStringLiteral("Volt Typhoon")};
    QTest::newRow("case") << QStringLiteral("It hit the Electoral Commission.")
                          << QStringList {QStringLiteral("the electoral commission systems")} << QStringList {};
    QTest::newRow("space in the summary")
        << QStringLiteral("It was APT 31.") << QStringList {QStringLiteral("APT31 did it")} << QStringList {};
    QTest::newRow("space in the quote") << QStringLiteral("It was APT31.")
                                        << QStringList {QStringLiteral("APT 31 did it")} << QStringList {};
    QTest::newRow("hyphen") << QStringLiteral("It was APT-31.") << QStringList {QStringLiteral("APT 31 did it")}
                            << QStringList {};
    QTest::newRow("hyphenated words") << QStringLiteral("They were Beijing-linked hackers.")
                                      << QStringList {QStringLiteral("hackers linked to Beijing")} << QStringList {};
    QTest::newRow("curly apostrophe in the summary")
        << QStringLiteral("It cited China’s ministry.") << QStringList {QStringLiteral("China's ministry said")}
        << QStringList {};
    QTest::newRow("curly apostrophe in the quote")
        << QStringLiteral("It cited China's ministry.") << QStringList {QStringLiteral("China’s ministry said")}
        << QStringList {};
    QTest::newRow("possessive") << QStringLiteral("It cited China's ministry.")
                                << QStringList {QStringLiteral("China accused the US")} << QStringList {};
    QTest::newRow("plural") << QStringLiteral("It hit Americans.") << QStringList {QStringLiteral("American companies")}
                            << QStringList {};
    QTest::newRow("acronym is not the pronoun")
        << QStringLiteral("It told the US.") << QStringList {QStringLiteral("he told us")}
        << QStringList {QStringLiteral("US")};
    QTest::newRow("dotted acronym") << QStringLiteral("It told the U.S. Treasury.")
                                    << QStringList {QStringLiteral("the US Treasury said")} << QStringList {};
    QTest::newRow("a short name is not inside a word")
        << QStringLiteral("It charged Ni.") << QStringList {QStringLiteral("the Ministry said")}
        << QStringList {QStringLiteral("Ni")};
    QTest::newRow("a number is not inside a longer one")
        << QStringLiteral("It sent 10 emails.") << emails << QStringList {QStringLiteral("10")};
    QTest::newRow("thousands separator") << QStringLiteral("It sent 10000 emails.") << emails << QStringList {};
    QTest::newRow("number word as digits") << QStringLiteral("Seven hackers were charged.")
                                           << QStringList {QStringLiteral("charged 7 hackers")} << QStringList {};
    QTest::newRow("digits as number word") << QStringLiteral("It charged 7 hackers.")
                                           << QStringList {QStringLiteral("charged seven hackers")} << QStringList {};
    QTest::newRow("number word missing") << QStringLiteral("Seven hackers were charged.")
                                         << QStringList {QStringLiteral("charged five hackers")}
                                         << QStringList {QStringLiteral("Seven")};
    QTest::newRow("plural number word") << QStringLiteral("It affected millions of voters.")
                                        << QStringList {QStringLiteral("a million voters")} << QStringList {};
    QTest::newRow("dozens") << QStringLiteral("It affected dozens of voters.")
                            << QStringList {QStringLiteral("many voters")} << QStringList {QStringLiteral("dozens")};
    QTest::newRow("one is not counted") << QStringLiteral("It was one of many.") << QStringList {QStringLiteral("many")}
                                        << QStringList {};
    QTest::newRow("year range") << QStringLiteral("It ran in 2021-22.")
                                << QStringList {QStringLiteral("between 2021 and 2022")} << QStringList {};
    QTest::newRow("year range with en dash")
        << QStringLiteral("It ran in 2021–2022.") << QStringList {QStringLiteral("from 2021-22")} << QStringList {};
    QTest::newRow("year range half supported")
        << QStringLiteral("It ran in 2021-22.") << QStringList {QStringLiteral("in 2021")}
        << QStringList {QStringLiteral("2021-22")};
    QTest::newRow("day and month") << QStringLiteral("It was on Monday, 25 March.")
                                   << QStringList {QStringLiteral("made on Monday, March 25, 2024")} << QStringList {};
    QTest::newRow("month abbreviation") << QStringLiteral("It was on 25 Mar.")
                                        << QStringList {QStringLiteral("on 25 March")} << QStringList {};
    QTest::newRow("weekday missing") << QStringLiteral("Monday, it was said.")
                                     << QStringList {QStringLiteral("on Tuesday")}
                                     << QStringList {QStringLiteral("Monday")};
    QTest::newRow("May the verb") << QStringLiteral("May it be so.") << QStringList {QStringLiteral("be so")}
                                  << QStringList {};
    QTest::newRow("May the month") << QStringLiteral("It was in May 2020.")
                                   << QStringList {QStringLiteral("it may have been")}
                                   << QStringList {QStringLiteral("May 2020")};
    QTest::newRow("source ids are not checked")
        << QStringLiteral("s000 says so; s004 does not.") << QStringList {QStringLiteral("so")} << QStringList {};
    QTest::newRow("ordinal and decade") << QStringLiteral("It was the 14th, in the 1990s.")
                                        << QStringList {QStringLiteral("on 14 May 1990")} << QStringList {};
    QTest::newRow("no quotes at all") << QStringLiteral("It was APT31 in 2020.") << QStringList {}
                                      << QStringList {QStringLiteral("APT31"), QStringLiteral("2020")};
    QTest::newRow("emoji") << QStringLiteral("Alert🚨 from APT31🚨 in 2020.") << QStringList {QStringLiteral("APT31")}
                           << QStringList {QStringLiteral("2020")};
}

void tst_CaseChecks::unsupported()
{
    QFETCH(QString, text);
    QFETCH(QStringList, quotes);
    QFETCH(QStringList, expected);
    const CaseChecker checker;
    QList<QStringView> views;
    for (const QString &q : std::as_const(quotes)) {
        views << q;
    }
    QCOMPARE(checker.unsupported(text, views), expected);
}

void tst_CaseChecks::nonLatinText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("quotes");
    QTest::addColumn<QStringList>("expected");
    // Cyrillic has capitals: a name is a name.
    QTest::newRow("Cyrillic name quoted")
        << QStringLiteral("Группа связана с Иваном Петровым.")
        << QStringList {QStringLiteral("связана с Иваном Петровым")} << QStringList {};
    QTest::newRow("Cyrillic name not quoted")
        << QStringLiteral("Группа связана с Иваном Петровым.") << QStringList {QStringLiteral("группа связана")}
        << QStringList {QStringLiteral("Иваном Петровым")};
    QTest::newRow("Cyrillic case") << QStringLiteral("Это сказал МИД Китая.")
                                   << QStringList {QStringLiteral("МИД китая сказал")} << QStringList {};
    QTest::newRow("Cyrillic acronym") << QStringLiteral("Это сказал МИД Китая.")
                                      << QStringList {QStringLiteral("мид китая сказал")}
                                      << QStringList {QStringLiteral("МИД")};
    // Han has no capitals and no spaces: only its numbers, and the Latin names in it, are checked.
    QTest::newRow("Han with names quoted") << QStringLiteral("黑客组织APT31在2021年攻击了议会。")
                                           << QStringList {QStringLiteral("APT31在2021年")} << QStringList {};
    QTest::newRow("Han with names not quoted")
        << QStringLiteral("黑客组织APT31在2021年攻击了议会。") << QStringList {QStringLiteral("攻击了议会")}
        << QStringList {QStringLiteral("APT31"), QStringLiteral("2021")};
    QTest::newRow("Han only") << QStringLiteral("国家安全部否认了指控。") << QStringList {QStringLiteral("否认")}
                              << QStringList {};
    QTest::newRow("fullwidth digits") << QStringLiteral("在２０２１年。") << QStringList {QStringLiteral("2021")}
                                      << QStringList {};
    QTest::newRow("Arabic") << QStringLiteral("قالت الحكومة في ٢٠٢١") << QStringList {QStringLiteral("الحكومة")}
                            << QStringList {QStringLiteral("٢٠٢١")};
    QTest::newRow("combining marks") << QStringLiteral("It hit the E\u0301lectoral register.")
                                     << QStringList {QStringLiteral("the e\u0301lectoral register")} << QStringList {};
    QTest::newRow("lone surrogates") << QStringLiteral("It hit \xD800 APT31 \xDC00 in 2020.")
                                     << QStringList {QStringLiteral("APT31 \xDBFF")}
                                     << QStringList {QStringLiteral("2020")};
}

void tst_CaseChecks::nonLatinText()
{
    unsupported();
}

// Whatever the text, what is reported is a piece of it that starts and ends with a letter or digit
// (or the last dot of "U.S."), and the checker neither crashes nor reads or writes outside its
// buffers: random texts of scripts, marks, digits, apostrophes, dots, dashes and broken surrogates.
void tst_CaseChecks::anyTextGivesWordsOfTheText()
{
    const QString alphabet = QStringLiteral(
        "aZ Ns's.,-\u2013\u2019'U.S.09\uFF12\u0661\u0301\u0436\u0416\u4E2D\u6587\u00DF\u0130\u01C5\u1E9E: ;()\"");
    const QList<QString> extras {
        QString(QChar(0xD800)),       QString(QChar(0xDC00)),       QStringLiteral("\U0001F6A8"),
        QStringLiteral("\U0001D7D9"), QStringLiteral("\U00010400"), QStringLiteral("Mar"),
        QStringLiteral("May"),        QStringLiteral("seven"),      QStringLiteral("2021-22")};
    QRandomGenerator random(17);
    auto randomText = [&] {
        QString text;
        const int length = random.bounded(1, 40);
        for (int i = 0; i < length; ++i) {
            const int pick = random.bounded(int(alphabet.size() + extras.size()));
            text += pick < alphabet.size() ? QString(alphabet[pick]) : extras[pick - alphabet.size()];
        }
        return text;
    };
    QList<Actor> actors(1);
    actors[0].id = QStringLiteral("x");
    actors[0].name = QStringLiteral("Mar\u0301 Ž U.S. 31");
    const CaseChecker checker(actors);
    auto isWordUnit = [](QChar c) { return c.isLetterOrNumber() || c.isMark() || c.isSurrogate(); };
    for (int round = 0; round < 3000; ++round) {
        const QString text = randomText();
        const QString quote = randomText();
        const QStringList found = checker.unsupported(text, {quote});
        for (const QString &piece : found) {
            QVERIFY2(!piece.isEmpty() && text.contains(piece), qPrintable(text + QStringLiteral(" | ") + piece));
            // The last dot of "U.S." is part of it.
            QVERIFY2(isWordUnit(piece.front()) && (isWordUnit(piece.back()) || piece.back() == QLatin1Char('.')),
                     qPrintable(piece));
        }
        // A text is always quoted by itself.
        QVERIFY2(checker.unsupported(text, {text}).isEmpty() || text.contains(QChar(0xD800))
                     || text.contains(QChar(0xDC00)),
                 qPrintable(text));
        CaseChecker::isQuoted(text, {quote});
    }
}

void tst_CaseChecks::beyondQuotesInAnEvent()
{
    CaseBuilder b(Text);
    b.add(
        b.event(QStringLiteral("Hackers sent 10,000 emails."), {QStringLiteral("sent over 10,000 malicious emails")}));
    b.add(b.event(QStringLiteral("In 2020 the NCSC said hackers sent 10,000 emails."),
                  {QStringLiteral("sent over 10,000 malicious emails")}));
    const CaseLoad load = b.read();
    QCOMPARE(problems(load),
             QStringList {QStringLiteral(
                 "events[1].summary: warning: says \"2020\" and \"NCSC\", which none of the event's quotes contains; "
                 "cite a passage that says it, reword, or accept the warning with acceptedWarnings (rule "
                 "\"beyond-quotes\")")});
    QVERIFY(load.ok()); // warnings: the case opens
    QCOMPARE(load.kase.events.size(), 2);
}

void tst_CaseChecks::beyondQuotesInAClaim()
{
    CaseBuilder b(Text);
    b.addActor(QStringLiteral("apt31"), QStringLiteral("APT31"),
               {QStringLiteral("Zirconium"), QStringLiteral("APT 31")});
    // Named by an alias: the quote says "Zirconium".
    b.add(b.claim(QStringLiteral("APT31 targeted staff of Joe Biden in 2020."),
                  {QStringLiteral("Zirconium targeted staff working for Joe Biden in 2020")}));
    // The NCSC by its full name; "seven" is not there.
    b.add(b.claim(QStringLiteral("The National Cyber Security Centre charged seven hackers."),
                  {QStringLiteral("The UK’s National Cyber Security Centre (NCSC) said")}));
    // A known actor's name the quotes lack is reported whole, as the case gives it.
    b.addActor(QStringLiteral("wx"), QStringLiteral("Wuhan Xiaoruizhi Science and Technology Company Ltd"),
               {QStringLiteral("Wuhan Xiaoruizhi Science and Technology")});
    b.add(b.claim(QStringLiteral("Wuhan Xiaoruizhi Science and Technology is a front, the NCSC said."),
                  {QStringLiteral("charged seven alleged hackers")}));
    const CaseLoad load = b.read();
    QCOMPARE(problems(load),
             (QStringList {QStringLiteral("claims[1].statement: warning: says \"seven\", which none of the claim's "
                                          "quotes contains; cite a passage that says it, reword, or accept the "
                                          "warning with acceptedWarnings (rule \"beyond-quotes\")"),
                           QStringLiteral("claims[2].statement: warning: says \"Wuhan Xiaoruizhi Science and "
                                          "Technology\" and \"NCSC\", which none of the claim's quotes contains; "
                                          "cite a passage that says it, reword, or accept the warning with "
                                          "acceptedWarnings (rule \"beyond-quotes\")")}));
}

void tst_CaseChecks::eventDateProvenanceCitationsCount()
{
    CaseBuilder b(Text);
    QJsonObject e = b.event(QStringLiteral("Charged on 25 March."), {QStringLiteral("charged seven alleged hackers")});
    QJsonObject date = b.relativeDate(QStringLiteral("yesterday (25 March)"),
                                      {QStringLiteral("The UK government said yesterday (25 March)")});
    e.insert(QStringLiteral("date"), date);
    b.add(e);
    // A claim's statement is held to its own citations only.
    QJsonObject c = b.claim(QStringLiteral("Charged on 25 March."), {QStringLiteral("charged seven alleged hackers")});
    c.insert(QStringLiteral("date"), date);
    b.add(c);
    const CaseLoad load = b.read();
    QCOMPARE(problems(load).size(), 1);
    QVERIFY2(load.problems[0].path == QStringLiteral("claims[0].statement"), qPrintable(problemList(load)));
    QVERIFY(load.problems[0].message.startsWith(QStringLiteral("says \"25 March\",")));
}

void tst_CaseChecks::confidenceNotQuoted_data()
{
    QTest::addColumn<QString>("confidence");
    QTest::addColumn<bool>("fires");
    QTest::newRow("verbatim, in curly quotes") << QStringLiteral("highly likely") << false;
    QTest::newRow("other case and spacing") << QStringLiteral("Highly  Likely") << false;
    QTest::newRow("hyphenated") << QStringLiteral("highly-likely") << false;
    QTest::newRow("a word inside another") << QStringLiteral("likely") << false; // "likely" stands as a word
    QTest::newRow("not there") << QStringLiteral("almost certainly") << true;
    QTest::newRow("only inside a word") << QStringLiteral("kely") << true;
}

void tst_CaseChecks::confidenceNotQuoted()
{
    QFETCH(QString, confidence);
    QFETCH(bool, fires);
    CaseBuilder b(Text);
    b.add(b.claim(QStringLiteral("The systems were compromised."),
                  {QStringLiteral("the systems were “highly likely compromised”")}, confidence));
    // "likely" is not in "unlikely".
    b.add(b.claim(QStringLiteral("The attempts failed."), {QStringLiteral("the attempts were unlikely to succeed")},
                  QStringLiteral("likely")));
    const CaseLoad load = b.read();
    QStringList expected;
    if (fires) {
        expected << QStringLiteral("claims[0].confidence: warning: the confidence \"%1\" is in none of the claim's "
                                   "quotes; it must be the source's own wording: cite the passage that says it, "
                                   "correct it, or accept the warning with acceptedWarnings (rule "
                                   "\"confidence-not-quoted\")")
                        .arg(confidence);
    }
    expected << QStringLiteral("claims[1].confidence: warning: the confidence \"likely\" is in none of the claim's "
                               "quotes; it must be the source's own wording: cite the passage that says it, correct "
                               "it, or accept the warning with acceptedWarnings (rule \"confidence-not-quoted\")");
    QCOMPARE(problems(load), expected);
}

void tst_CaseChecks::relativeExpressionNotQuoted()
{
    CaseBuilder b(Text);
    // In the event's own citation.
    QJsonObject inCitation = b.event({}, {QStringLiteral("charged seven alleged hackers last year")});
    inCitation.insert(QStringLiteral("date"), b.relativeDate(QStringLiteral("Last  Year")));
    b.add(inCitation);
    // In the provenance's citation only.
    QJsonObject inProvenance = b.event({}, {QStringLiteral("charged seven alleged hackers")});
    inProvenance.insert(
        QStringLiteral("date"),
        b.relativeDate(QStringLiteral("yesterday (25 March)"), {QStringLiteral("said yesterday (25 March)")}));
    b.add(inProvenance);
    // Nowhere: "last month" is in the source, but not in a passage this event cites.
    QJsonObject nowhere = b.event({}, {QStringLiteral("charged seven alleged hackers")});
    nowhere.insert(QStringLiteral("date"),
                   b.relativeDate(QStringLiteral("last month"), {QStringLiteral("said yesterday (25 March)")}));
    b.add(nowhere);
    const CaseLoad load = b.read();
    QCOMPARE(problems(load),
             QStringList {QStringLiteral(
                 "events[2].date.provenance.expression: warning: the relative date's expression \"last month\" is in "
                 "none of the event's cited passages (its citations and the date's provenance citations); give the "
                 "source's own words, cite the passage that has them, or accept the warning with acceptedWarnings "
                 "(rule \"relative-expression-not-quoted\")")});
}

void tst_CaseChecks::relativeExpressionInAClaim()
{
    CaseBuilder b(Text);
    QJsonObject quoted = b.claim(QStringLiteral("It was reported."), {QStringLiteral("It was reported last month")});
    quoted.insert(QStringLiteral("date"), b.relativeDate(QStringLiteral("last month")));
    b.add(quoted);
    QJsonObject unquoted = b.claim(QStringLiteral("It was reported."), {QStringLiteral("It was reported")});
    unquoted.insert(QStringLiteral("date"), b.relativeDate(QStringLiteral("last month")));
    b.add(unquoted);
    const CaseLoad load = b.read();
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems[0].path, QStringLiteral("claims[1].date.provenance.expression"));
    QVERIFY(!load.problems[0].isError());
}

void tst_CaseChecks::acceptanceSilencesAndIsCounted()
{
    CaseBuilder b(Text);
    QJsonObject e = b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")});
    e.insert(QStringLiteral("acceptedWarnings"), accepting({QStringLiteral("beyond-quotes")}));
    b.add(e);
    QJsonObject c
        = b.claim(QStringLiteral("The systems were compromised."),
                  {QStringLiteral("the systems were “highly likely compromised”")}, QStringLiteral("almost certainly"));
    c.insert(QStringLiteral("date"), b.relativeDate(QStringLiteral("last week")));
    c.insert(QStringLiteral("acceptedWarnings"),
             accepting({QStringLiteral("relative-expression-not-quoted"), QStringLiteral("confidence-not-quoted")}));
    b.add(c);
    const CaseLoad load = b.read();
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load)));
    QCOMPARE(load.acceptedWarningCount(), 3);
    QCOMPARE(load.acceptedWarnings.value(QStringLiteral("beyond-quotes")), 1);
    QCOMPARE(load.acceptedWarnings.value(QStringLiteral("confidence-not-quoted")), 1);
    QCOMPARE(load.acceptedWarnings.value(QStringLiteral("relative-expression-not-quoted")), 1);
    // Never silent: --check says on a line of its own how many it accepted.
    const QStringList report = checkReport(QStringLiteral("checks.json"), load).split(QLatin1Char('\n'));
    QVERIFY(report.contains(QStringLiteral("Problems: 0 errors, 0 warnings")));
    QVERIFY2(report.contains(QStringLiteral(
                 "Accepted: 3 warnings (beyond-quotes 1, confidence-not-quoted 1, relative-expression-not-quoted 1), "
                 "not listed; each event or claim gives its reason in \"acceptedWarnings\"")),
             qPrintable(report.join(QLatin1Char('\n'))));
    // An acceptance is per item: the same finding elsewhere is still a warning.
    b.add(b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")}));
    const CaseLoad more = b.read();
    QCOMPARE(more.problems.size(), 1);
    QCOMPARE(more.problems[0].path, QStringLiteral("events[1].summary"));
    QCOMPARE(more.acceptedWarningCount(), 3);
}

void tst_CaseChecks::staleAcceptanceWarns()
{
    CaseBuilder b(Text);
    QJsonObject e
        = b.event(QStringLiteral("Hackers sent 10,000 emails."), {QStringLiteral("sent over 10,000 malicious emails")});
    e.insert(QStringLiteral("acceptedWarnings"),
             accepting({QStringLiteral("beyond-quotes"), QStringLiteral("relative-expression-not-quoted")}));
    b.add(e);
    QJsonObject c
        = b.claim(QStringLiteral("The systems were compromised."),
                  {QStringLiteral("the systems were “highly likely compromised”")}, QStringLiteral("highly likely"));
    c.insert(QStringLiteral("acceptedWarnings"), accepting({QStringLiteral("confidence-not-quoted")}));
    b.add(c);
    const CaseLoad load = b.read();
    QCOMPARE(problems(load),
             (QStringList {QStringLiteral("events[0].acceptedWarnings[0]: warning: nothing to accept: rule "
                                          "\"beyond-quotes\" finds nothing in this event; remove it"),
                           QStringLiteral("events[0].acceptedWarnings[1]: warning: nothing to accept: rule "
                                          "\"relative-expression-not-quoted\" finds nothing in this event; remove it"),
                           QStringLiteral("claims[0].acceptedWarnings[0]: warning: nothing to accept: rule "
                                          "\"confidence-not-quoted\" finds nothing in this claim; remove it")}));
    QCOMPARE(load.acceptedWarningCount(), 0);
    QVERIFY(!checkReport(QStringLiteral("checks.json"), load).contains(QStringLiteral("Accepted:")));
}

void tst_CaseChecks::acceptingTwiceWarns()
{
    CaseBuilder b(Text);
    QJsonObject e = b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")});
    e.insert(QStringLiteral("acceptedWarnings"),
             accepting({QStringLiteral("beyond-quotes"), QStringLiteral("beyond-quotes")}));
    b.add(e);
    const CaseLoad load = b.read();
    QCOMPARE(problems(load),
             QStringList {QStringLiteral("events[0].acceptedWarnings[1]: warning: accepts rule \"beyond-quotes\" "
                                         "again, as acceptedWarnings[0] does; remove one")});
    QCOMPARE(load.acceptedWarningCount(), 1);
}

void tst_CaseChecks::unknownRuleIsAnError()
{
    CaseBuilder b(Text);
    QJsonObject e
        = b.event(QStringLiteral("Hackers sent 10,000 emails."), {QStringLiteral("sent over 10,000 malicious emails")});
    e.insert(QStringLiteral("acceptedWarnings"), accepting({QStringLiteral("beyond-quote")}));
    b.add(e);
    const CaseLoad load = b.read();
    QVERIFY(!load.ok());
    QCOMPARE(
        problems(load),
        QStringList {QStringLiteral("events[0].acceptedWarnings[0].rule: error: unknown rule \"beyond-quote\"; the "
                                    "rules that can be accepted are \"beyond-quotes\", \"confidence-not-quoted\" "
                                    "or \"relative-expression-not-quoted\"")});
}

void tst_CaseChecks::acceptanceNeedsAReason()
{
    CaseBuilder b(Text);
    QJsonObject e = b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")});
    QJsonObject accepted;
    accepted.insert(QStringLiteral("rule"), QStringLiteral("beyond-quotes"));
    accepted.insert(QStringLiteral("reason"), QStringLiteral("  "));
    e.insert(QStringLiteral("acceptedWarnings"), QJsonArray {accepted});
    b.add(e);
    const CaseLoad load = b.read();
    QVERIFY(!load.ok());
    QCOMPARE(load.problems.size(), 1);
    QCOMPARE(load.problems[0].path, QStringLiteral("events[0].acceptedWarnings[0].reason"));
}

void tst_CaseChecks::acceptancesSurviveWritingAndReading()
{
    CaseBuilder b(Text);
    QJsonObject e = b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")});
    e.insert(QStringLiteral("acceptedWarnings"), accepting({QStringLiteral("beyond-quotes")}));
    b.add(e);
    QJsonObject c
        = b.claim(QStringLiteral("The systems were compromised."),
                  {QStringLiteral("the systems were “highly likely compromised”")}, QStringLiteral("almost certainly"));
    c.insert(QStringLiteral("acceptedWarnings"), accepting({QStringLiteral("confidence-not-quoted")}));
    b.add(c);
    const CaseLoad load = b.read();
    QVERIFY2(load.problems.isEmpty(), qPrintable(problemList(load)));
    QCOMPARE(load.kase.events[0].acceptedWarnings.size(), 1);
    QCOMPARE(load.kase.events[0].acceptedWarnings[0].rule, QStringLiteral("beyond-quotes"));
    QCOMPARE(load.kase.events[0].acceptedWarnings[0].reason,
             QStringLiteral("the author has read it and keeps the wording"));
    QCOMPARE(load.kase.claims[0].acceptedWarnings.size(), 1);

    const QByteArray written = CaseWriter::toJson(load.kase);
    const CaseLoad again = CaseReader::readData(written, QStringLiteral("written.json"), QString());
    QVERIFY2(again.problems.isEmpty(), qPrintable(problemList(again)));
    QCOMPARE(again.kase, load.kase);
    QCOMPARE(again.acceptedWarningCount(), 2);

    // An edited event keeps what it accepts: the edit changes its title, not its acceptances.
    Case edited = load.kase;
    edited.events[0].title = QStringLiteral("Another title");
    const CaseLoad editedAgain = CaseReader::readData(CaseWriter::toJson(edited), QStringLiteral("e.json"), QString());
    QCOMPARE(editedAgain.kase.events[0].acceptedWarnings, load.kase.events[0].acceptedWarnings);
}

void tst_CaseChecks::manyFindingsAreCountedBeyondTheListed()
{
    CaseBuilder b(Text);
    for (int i = 0; i < 1200; ++i) {
        QJsonObject e
            = b.event(QStringLiteral("In 2019 it began."), {QStringLiteral("sent over 10,000 malicious emails")});
        e.insert(QStringLiteral("id"), QStringLiteral("e%1").arg(i));
        b.add(e);
    }
    const CaseLoad load = b.read();
    QCOMPARE(load.problems.size(), CaseReader::MaxProblems);
    QCOMPARE(load.warningCount(), 1200);
    QVERIFY(load.ok());
}

QTEST_GUILESS_MAIN(tst_CaseChecks)
#include "tst_casechecks.moc"

#include "annotations.h"
#include "casereport.h"
#include "citationcopy.h"
#include "disagreementtablemodel.h"
#include "ftmexport.h"
#include "htmlpage.h"
#include "roles.h"
#include "stixexport.h"
#include "testcases.h"
#include "timelinejs.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSet>

using namespace AT;

namespace {

struct Point
{
    const char *id;
    Disagreement::Kind kind;
    int versions;
};

constexpr auto Conflict = Disagreement::Kind::Conflict;
constexpr auto Specificity = Disagreement::Kind::Specificity;

// Every point of the built-in case, its kind and how many versions it has: removing, merging or
// re-kinding one fails a test, and so does a point added to the case but not here.
constexpr Point Points[] = {
    // Those the UK sanctioned (linked to APT31) vs "another group of Chinese spies".
    {"d-ec-group", Conflict, 4},
    // "tens of millions of UK voters" vs "millions more individuals".
    {"d-ec-scale", Specificity, 2},
    // "highly likely compromised" vs "likely stole" vs "may have gained access" vs stated without a hedge.
    {"d-ec-certainty", Conflict, 4},
    // Joe Biden's staff vs a presidential campaign's staffers vs both parties' campaign workers.
    {"d-campaign-staff", Specificity, 3},
    // 14 years vs more than a decade vs years.
    {"d-duration", Specificity, 3},
    // Headline "Sanction China", "individuals and groups", "entities" vs one company and two individuals.
    {"d-sanctioned", Conflict, 5},
    // No parliamentary account compromised vs "hacking British lawmakers".
    {"d-lawmakers-compromised", Conflict, 2},
    // Sector lists, each given as partial.
    {"d-sectors", Specificity, 3},
    // Zhao, Ni and five others vs seven unnamed hackers.
    {"d-charged", Specificity, 3},
    // Target lists, each given as partial.
    {"d-targets", Specificity, 5},
    // A list of techniques vs 10,000 emails with tracking links vs emails for personal information.
    {"d-techniques", Specificity, 3},
    // "operates under the directives of", "associated with" (flat) vs "purportedly linked".
    {"d-apt31-state", Conflict, 5},
    // Wuhan Xiaoruizhi Science and Technology (Company Ltd) vs an unnamed "front company" vs entities.
    {"d-front-company", Specificity, 4},
    // APT31 (NCSC) vs unnamed government-affiliated hackers (British cybersecurity officials).
    {"d-recon", Specificity, 4},
    // Emails and register data vs information on voters vs systems vs individuals' data.
    {"d-ec-what", Specificity, 4},
    // Between 2021 and 2022 vs undated.
    {"d-ec-when", Specificity, 2},
    // Monday, March 25, 2024 vs 25 March vs "On Monday".
    {"d-announcement-date", Specificity, 3},
    // The US and UK (hypocrisy) vs Western nations (similar hacking).
    {"d-china-counter", Specificity, 2},
    // Denied / "smear" ahead of the announcement / baseless and slanderous / hypocrisy.
    {"d-china-denial", Specificity, 4},
    // The article's own voice vs Lisa Monaco.
    {"d-aims", Specificity, 2},
    // Alleged (flat) cyber activity in 2021 vs concerns about China's involvement raised on Tuesday.
    {"d-nz", Conflict, 2},
    // Some email systems and networks vs millions of Americans' accounts vs sensitive data (no scale).
    {"d-compromise-scale", Specificity, 3},
};

} // namespace

// The built-in case's disputed points (issue #17): every place where one article's account cannot
// be read as the same as another's, each version with its quotes, and of each point whether the
// accounts conflict or one is only less specific than another.
class tst_BuiltinDisagreements : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void atLeastTwentyPoints();
    void points_data();
    void points();
    void noPointOutsideTheTable();
    void everyVersionIsCitedExactly();
    void versionsAreFromDifferentSources();
    void statementsSayOnlyWhatTheirQuotesSay();
    void everyPointIsReferredTo();
    void kindIsShownInTheTableModel();
    void specificityDoesNotReadAsAConflict();
    void exportsTellTheKind_data();
    void exportsTellTheKind();

private:
    std::shared_ptr<const Case> m_case;
    const Case &kase() const { return *m_case; }
};

void tst_BuiltinDisagreements::initTestCase()
{
    const CaseLoad load = CaseReader::readFile(builtinCasePath());
    QStringList problems;
    for (const Problem &p : load.problems) {
        problems << p.toString();
    }
    QVERIFY2(load.problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    m_case = std::make_shared<const Case>(load.kase);
}

void tst_BuiltinDisagreements::atLeastTwentyPoints()
{
    QVERIFY2(kase().disagreements.size() >= 20, qPrintable(QString::number(kase().disagreements.size())));
}

void tst_BuiltinDisagreements::points_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("versions");
    for (const Point &p : Points) {
        QTest::newRow(p.id) << QString::fromLatin1(p.id) << disagreementKindName(p.kind) << p.versions;
    }
}

void tst_BuiltinDisagreements::points()
{
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(int, versions);
    const Disagreement *d = kase().disagreement(id);
    QVERIFY2(d, qPrintable(id));
    QCOMPARE(disagreementKindName(d->kind), kind);
    QCOMPARE(d->versions.size(), versions);
    QVERIFY(!d->question.trimmed().isEmpty());
}

void tst_BuiltinDisagreements::noPointOutsideTheTable()
{
    QStringList tabled;
    for (const Point &p : Points) {
        tabled << QString::fromLatin1(p.id);
    }
    QStringList untabled;
    for (const Disagreement &d : kase().disagreements) {
        if (!tabled.contains(d.id)) {
            untabled << d.id;
        }
    }
    QVERIFY2(untabled.isEmpty(), qPrintable(QStringLiteral("not in the table Points: ") + untabled.join(u", ")));
    QCOMPARE(kase().disagreements.size(), qsizetype(std::size(Points)));
}

void tst_BuiltinDisagreements::everyVersionIsCitedExactly()
{
    for (const Disagreement &d : kase().disagreements) {
        QVERIFY2(d.versions.size() >= 2, qPrintable(d.id));
        for (const DisagreementVersion &v : d.versions) {
            QVERIFY2(!v.statement.trimmed().isEmpty(), qPrintable(d.id));
            QVERIFY2(!v.citations.isEmpty(), qPrintable(d.id + QStringLiteral(": ") + v.statement));
            for (const Citation &c : v.citations) {
                QVERIFY2(c.anchor == Citation::Anchor::Exact, qPrintable(d.id + QStringLiteral(": ") + c.quote));
                const Source *s = kase().source(c.sourceId);
                QVERIFY(s);
                const QList<uint> text = s->text.toUcs4();
                QCOMPARE(text.mid(c.start, c.end - c.start), c.quote.toUcs4());
                // The context is the 32 code points either side, as everywhere in the case.
                QCOMPARE(
                    c.prefix.toUcs4(),
                    text.mid(std::max<qsizetype>(0, c.start - 32), c.start - std::max<qsizetype>(0, c.start - 32)));
                QCOMPARE(c.suffix.toUcs4(), text.mid(c.end, 32));
            }
        }
    }
}

// A disputed point is between articles: two of its versions come from different sources. (Every
// point of the built-in case is, conflicts and points of specificity alike.)
void tst_BuiltinDisagreements::versionsAreFromDifferentSources()
{
    for (const Disagreement &d : kase().disagreements) {
        bool between = false;
        for (qsizetype i = 0; i < d.versions.size() && !between; ++i) {
            for (qsizetype j = i + 1; j < d.versions.size() && !between; ++j) {
                for (const Citation &a : d.versions[i].citations) {
                    for (const Citation &b : d.versions[j].citations) {
                        between = between || a.sourceId != b.sourceId;
                    }
                }
            }
        }
        QVERIFY2(between, qPrintable(d.id + QStringLiteral(": no two versions from different sources")));
    }
}

// A version's statement says only what its quotes say: every number in it (not a digit of a name such
// as APT31), and every word it puts in quotation marks, is in one of the version's own quotes.
void tst_BuiltinDisagreements::statementsSayOnlyWhatTheirQuotesSay()
{
    static const QRegularExpression number(QStringLiteral("\\b(\\d[\\d,]*\\d|\\d)\\b"));
    static const QRegularExpression quoted(QStringLiteral("\"([^\"]+)\""));
    for (const Disagreement &d : kase().disagreements) {
        for (const DisagreementVersion &v : d.versions) {
            QString quotes;
            for (const Citation &c : v.citations) {
                quotes += c.quote + QLatin1Char('\n');
            }
            for (auto it = number.globalMatch(v.statement); it.hasNext();) {
                const QString n = it.next().captured();
                QVERIFY2(
                    quotes.contains(n),
                    qPrintable(
                        QStringLiteral("%1: \"%2\" is in none of the quotes of \"%3\"").arg(d.id, n, v.statement)));
            }
            for (auto it = quoted.globalMatch(v.statement); it.hasNext();) {
                const QString words = it.next().captured(1);
                QVERIFY2(
                    quotes.contains(words, Qt::CaseInsensitive),
                    qPrintable(
                        QStringLiteral("%1: \"%2\" is in none of the quotes of \"%3\"").arg(d.id, words, v.statement)));
            }
        }
    }
}

void tst_BuiltinDisagreements::everyPointIsReferredTo()
{
    QSet<QString> referred;
    for (const Event &e : kase().events) {
        for (const QString &id : e.disagreements) {
            QVERIFY2(kase().disagreement(id), qPrintable(e.id + QStringLiteral(" refers to ") + id));
            referred.insert(id);
        }
    }
    for (const Claim &c : kase().claims) {
        for (const QString &id : c.disagreements) {
            QVERIFY2(kase().disagreement(id), qPrintable(c.id + QStringLiteral(" refers to ") + id));
            referred.insert(id);
        }
    }
    for (const Disagreement &d : kase().disagreements) {
        QVERIFY2(referred.contains(d.id), qPrintable(d.id + QStringLiteral(" is part of no event and no claim")));
    }
}

// Under each event, the table of its disputed points tells each point's kind.
void tst_BuiltinDisagreements::kindIsShownInTheTableModel()
{
    CaseSession session;
    DisagreementTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(m_case);
    QSet<QString> shown;
    for (qsizetype e = 0; e < kase().events.size(); ++e) {
        session.selection()->setCurrentEvent(e);
        const Event &event = kase().events[e];
        QCOMPARE(model.rowCount(), event.disagreements.size());
        for (int r = 0; r < model.rowCount(); ++r) {
            const Disagreement *d = kase().disagreement(event.disagreements[r]);
            QVERIFY(d);
            QCOMPARE(model.index(r, 0).data().toString(), d->question);
            for (int column = 0; column < model.columnCount(); ++column) {
                QCOMPARE(model.index(r, column).data(DisagreementKindRole).toString(), disagreementKindName(d->kind));
            }
            const QString card = model.index(r, 0).data(DisagreementCardRole).toString();
            QVERIFY2(card.contains(disagreementKindText(d->kind)), qPrintable(card));
            shown.insert(d->id);
        }
    }
    // Every point of the built-in case is part of an event, so each one's kind is shown somewhere.
    for (const Disagreement &d : kase().disagreements) {
        QVERIFY2(shown.contains(d.id), qPrintable(d.id));
    }
}

// A point of specificity is no conflict: its event is not marked disputed for it, and the summary
// says "less specific", not that the sources conflict.
void tst_BuiltinDisagreements::specificityDoesNotReadAsAConflict()
{
    const Event *staff = kase().event(QStringLiteral("ev-2020-campaign-staff"));
    QVERIFY(staff);
    QCOMPARE(staff->disagreements, QStringList {QStringLiteral("d-campaign-staff")});
    QVERIFY(!kase().isDisputed(*staff));
    const Event *breach = kase().event(QStringLiteral("ev-2021-22-electoral-commission"));
    QVERIFY(breach);
    QVERIFY(kase().isDisputed(*breach));

    const QString md = markdownSummary(kase());
    for (const Disagreement &d : kase().disagreements) {
        const QString heading = QStringLiteral("#### ") + markdownEscaped(d.question) + QStringLiteral("\n\n_");
        const qsizetype at = md.indexOf(heading);
        QVERIFY2(at >= 0, qPrintable(d.id));
        const QString kindLine = md.mid(at + heading.size() - 1).section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(kindLine, QStringLiteral("_") + disagreementKindText(d.kind) + QStringLiteral("._"));
        if (d.kind == Disagreement::Kind::Specificity) {
            QVERIFY(kindLine.contains(QStringLiteral("only less specific")));
        }
    }
    // In the events table, the 2020 campaign-staff event is "less specific", not "yes".
    const QString row = md.section(QStringLiteral("| ") + markdownEscaped(staff->title) + QStringLiteral(" |"), 1, 1)
                            .section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(row.endsWith(QStringLiteral(" | only less specific |")), qPrintable(row));
}

// Every export that shows disputed points says which are of specificity only; none of them heads such
// a point as "Disputed".
void tst_BuiltinDisagreements::exportsTellTheKind_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("specificity"); // how a point of specificity is told
    QTest::addColumn<QString>("conflict"); // how a conflict is told
    const QString notConflict = disagreementKindText(Disagreement::Kind::Specificity);
    const QString label = disagreementKindLabel(Disagreement::Kind::Specificity);
    QTest::newRow("html") << htmlPage(kase()) << notConflict + QLatin1Char('.')
                          << disagreementKindText(Disagreement::Kind::Conflict) + QLatin1Char('.');
    QTest::newRow("timelinejs") << timelineJsJson(kase()) << QStringLiteral("<b>%1:</b>").arg(label)
                                << QStringLiteral("<b>Disputed:</b>");
    QTest::newRow("ftm") << ftmEntities(kase()) << label + QStringLiteral(": ") << QStringLiteral("Disputed: ");
    QTest::newRow("stix") << stixBundle(kase()) << label + QStringLiteral(": ") << QStringLiteral("Disputed: ");
    QTest::newRow("annotations") << webAnnotations(kase()) << QStringLiteral("only less specific (not a conflict)")
                                 << QStringLiteral("Disputed point");
}

void tst_BuiltinDisagreements::exportsTellTheKind()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, specificity);
    QFETCH(QString, conflict);
    // JSON exports escape "<" and may break an HTML string's lines: read them as the HTML they carry.
    const QString text = QString::fromUtf8(output)
                             .replace(QStringLiteral("\\u003c"), QStringLiteral("<"))
                             .remove(QStringLiteral("\\n"));
    QVERIFY(text.contains(specificity));
    QVERIFY(text.contains(conflict));
    // Each point of specificity is told as such, and never headed as disputed.
    for (const Disagreement &d : kase().disagreements) {
        if (d.kind == Disagreement::Kind::Specificity) {
            // The question as the JSON and HTML exports write it: its apostrophe may be escaped.
            const QString question = d.question.section(QLatin1Char('\''), 0, 0);
            QVERIFY2(!text.contains(QStringLiteral("Disputed: ") + question), qPrintable(d.id));
            QVERIFY2(!text.contains(QStringLiteral("<b>Disputed:</b> ") + question), qPrintable(d.id));
        }
    }
}

QTEST_GUILESS_MAIN(tst_BuiltinDisagreements)
#include "tst_builtindisagreements.moc"

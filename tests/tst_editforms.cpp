#include "actordialog.h"
#include "casedialog.h"
#include "caseedit.h"
#include "claimdialog.h"
#include "dateedit.h"
#include "disagreementdialog.h"
#include "estimative.h"
#include "eventdialog.h"
#include "testcases.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QWheelEvent>

using namespace AT;

// Issue #15, "Edit everything in forms": a dialog per entity, whose value() is what was shown, as
// edited; untouched, it is exactly what it was given.
namespace EditFormsTest {
// Text that looks like markup and carries controls: every form must show it as it is.
QString hostile(const QString &what)
{
    return QStringLiteral("<b>%1</b> Q&A <img src=x onerror=alert(1)> \u202e\u0001\u0007 &amp; <i>").arg(what);
}

// Every label of the dialog shows its text literally.
void checkLabelsArePlain(const QWidget *dialog)
{
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->text()));
    }
}

// Every field a keyboard user reaches has a name a screen reader can say.
void checkAccessibleNames(const QWidget *dialog)
{
    for (const QWidget *w : dialog->findChildren<QWidget *>()) {
        const QWidget *parent = w->parentWidget();
        if (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent)) {
            continue; // a combo box's or spin box's own line edit
        }
        const bool input = qobject_cast<const QLineEdit *>(w) || qobject_cast<const QComboBox *>(w)
            || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w)
            || qobject_cast<const QListWidget *>(w) || qobject_cast<const QCheckBox *>(w);
        if (input) {
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        }
        QVERIFY2(!w->accessibleName().contains(QStringLiteral("%1")), qPrintable(w->accessibleName()));
    }
}

void typeInto(QWidget *w, const QString &text)
{
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
        spin->selectAll();
    } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
        line->selectAll();
    }
    QTest::keyClicks(w, text);
}

int actorIndex(const QComboBox *box, const QString &id)
{
    return box->findData(id);
}

const Claim *claimWithWording(const Case &kase)
{
    for (const Claim &c : kase.claims) {
        if (!c.confidence.isEmpty()) {
            return &c;
        }
    }
    return nullptr;
}
} // namespace EditFormsTest

using namespace EditFormsTest;

class tst_EditForms : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void untouchedEventsComeBackExactly();
    void untouchedActorsComeBackExactly();
    void untouchedClaimsComeBackExactly();
    void untouchedDisagreementsComeBackExactly();
    void editsKeepAcceptedWarnings();
    void caseHeading();
    void newEventThroughTheWidgets();
    void participantsAddAndRemove();
    void removingACitation();
    void newActorWithAlias();
    void newClaimWordingMustBeQuoted();
    void confidenceNumberNeedsYardstick();
    void newDisagreementWithTwoVersions();
    void dateRoundTrip_data();
    void dateRoundTrip();
    void dateTyped();
    void invalidDatesDisableOk_data();
    void invalidDatesDisableOk();
    void claimDateMayBeNotGiven();
    void keyboard();
    void hostileTextShowsLiterally();
    void textWidgetsCannotHoldComesBackUntouched();

private:
    std::shared_ptr<const Case> m_case;
};

void tst_EditForms::initTestCase()
{
    m_case = Test::builtinCase();
    QVERIFY(m_case);
    QVERIFY(!m_case->events.isEmpty());
}

void tst_EditForms::untouchedEventsComeBackExactly()
{
    for (const Event &e : m_case->events) {
        EventDialog dialog(*m_case, e);
        QVERIFY2(dialog.value() == e, qPrintable(e.id));
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(e.id + QLatin1Char(' ') + dialog.problems().join(u' ')));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit event"));
        QCOMPARE(dialog.dateEdit()->preview(), e.date.toDisplayString());
        QCOMPARE(dialog.titleEdit()->text(), e.title);
        QCOMPARE(dialog.citationsEdit()->citations().size(), e.citations.size());
    }
    checkLabelsArePlain(new EventDialog(*m_case, m_case->events.first()));
}

void tst_EditForms::untouchedActorsComeBackExactly()
{
    for (const Actor &a : m_case->actors) {
        ActorDialog dialog(*m_case, a);
        QVERIFY2(dialog.value() == a, qPrintable(a.id));
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(a.id + QLatin1Char(' ') + dialog.problems().join(u' ')));
        QCOMPARE(dialog.aliasGrid()->rowCount(), a.aliases.size());
        QCOMPARE(dialog.affiliationGrid()->rowCount(), a.affiliations.size());
    }
}

void tst_EditForms::untouchedClaimsComeBackExactly()
{
    int withWording = 0;
    for (const Claim &c : m_case->claims) {
        ClaimDialog dialog(*m_case, c);
        QVERIFY2(dialog.value() == c, qPrintable(c.id));
        // The built-in case's wordings are all verbatim in their claims' quotes or sources.
        QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(c.id + QLatin1Char(' ') + dialog.problems().join(u' ')));
        withWording += c.confidence.isEmpty() ? 0 : 1;
    }
    QVERIFY(withWording > 0);
}

// The forms do not show what an event or a claim accepts of the checker (casechecks.h), and must not
// drop it: an edit changes what was edited and keeps the acceptances.
void tst_EditForms::editsKeepAcceptedWarnings()
{
    AcceptedWarning accepted;
    accepted.rule = QStringLiteral("beyond-quotes");
    accepted.reason = QStringLiteral("the summary names the group by the name the case uses");
    Event e = m_case->events.first();
    e.acceptedWarnings = {accepted};
    EventDialog eventDialog(*m_case, e);
    eventDialog.titleEdit()->setText(QStringLiteral("A new title"));
    eventDialog.summaryEdit()->setPlainText(QStringLiteral("A new summary."));
    QCOMPARE(eventDialog.value().title, QStringLiteral("A new title"));
    QCOMPARE(eventDialog.value().acceptedWarnings, e.acceptedWarnings);

    Claim c = m_case->claims.first();
    accepted.rule = QStringLiteral("confidence-not-quoted");
    c.acceptedWarnings = {accepted};
    ClaimDialog claimDialog(*m_case, c);
    claimDialog.statementEdit()->setPlainText(QStringLiteral("A new statement."));
    QCOMPARE(claimDialog.value().statement, QStringLiteral("A new statement."));
    QCOMPARE(claimDialog.value().acceptedWarnings, c.acceptedWarnings);

    // And through an edit of the case, as the window applies it.
    Case kase = *m_case;
    kase.events.first() = e;
    CaseEdit edit(kase, QStringLiteral("Edit event"));
    QVERIFY(edit.replace(eventDialog.value()));
    QCOMPARE(edit.kase().events.first().acceptedWarnings, e.acceptedWarnings);
}

void tst_EditForms::untouchedDisagreementsComeBackExactly()
{
    int specificity = 0;
    for (const Disagreement &d : m_case->disagreements) {
        DisagreementDialog dialog(*m_case, d);
        QVERIFY2(dialog.value() == d, qPrintable(d.id));
        specificity += d.kind == Disagreement::Kind::Specificity ? 1 : 0;
        QCOMPARE(dialog.kindCombo()->currentData().toInt(), int(d.kind));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.versionGrid()->rowCount(), d.versions.size());
    }
    QVERIFY(specificity > 0); // both kinds come back as they were
}

void tst_EditForms::caseHeading()
{
    const CaseHeading heading {m_case->title, m_case->description};
    CaseDialog dialog(*m_case, heading);
    QCOMPARE(dialog.value(), heading);
    typeInto(dialog.titleEdit(), QStringLiteral("APT31, retold"));
    QCOMPARE(dialog.value().title, QStringLiteral("APT31, retold"));
    QCOMPARE(dialog.value().description, m_case->description);
    dialog.titleEdit()->clear();
    QVERIFY(!dialog.okButton()->isEnabled());
    checkLabelsArePlain(&dialog);
    checkAccessibleNames(&dialog);
}

void tst_EditForms::newEventThroughTheWidgets()
{
    Event fresh;
    fresh.id = newId(*m_case, EntityKind::Event);
    EventDialog dialog(*m_case, fresh);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New event"));
    // Nothing is filled in for the journalist: no date, no category.
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.dateEdit()->preview(), QStringLiteral("\u2014"));
    QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("Title:")));
    QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("Date: enter at least the year.")));

    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Phishing wave"));
    QTest::keyClicks(dialog.categoryBox()->lineEdit(), QStringLiteral("leak"));
    QTest::keyClicks(dialog.summaryEdit(), QStringLiteral("Mails to staff."));
    QTest::keyClick(dialog.summaryEdit(), Qt::Key_Return);
    QTest::keyClicks(dialog.summaryEdit(), QStringLiteral("Second line."));
    QTest::keyClicks(dialog.tagsEdit(), QStringLiteral("email, staff ,, uk"));
    DateEdit *date = dialog.dateEdit();
    typeInto(date->startEdit()->yearBox(), QStringLiteral("2023"));
    date->startEdit()->monthBox()->setCurrentIndex(10);
    typeInto(date->startEdit()->dayBox(), QStringLiteral("14"));
    QCOMPARE(date->previewLabel()->text(), QStringLiteral("14 Oct 2023"));
    QTest::mouseClick(dialog.participantGrid()->addButton(), Qt::LeftButton);
    QCOMPARE(dialog.participantGrid()->rowCount(), 1);
    QVERIFY(!dialog.okButton()->isEnabled()); // the row has no actor and no role yet
    dialog.participantActor(0)->setCurrentIndex(actorIndex(dialog.participantActor(0), QStringLiteral("apt31")));
    QTest::keyClicks(dialog.participantRole(0)->lineEdit(), QStringLiteral("phisher"));
    const QString disputed = m_case->disagreements.at(1).id;
    dialog.disagreementList()->item(1)->setCheckState(Qt::Checked);
    QTest::keyClicks(dialog.notesEdit(), QStringLiteral("Ask the NCSC"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

    const Event e = dialog.value();
    QCOMPARE(e.id, fresh.id);
    QCOMPARE(e.title, QStringLiteral("Phishing wave"));
    QCOMPARE(e.category, QStringLiteral("leak"));
    QCOMPARE(e.summary, QStringLiteral("Mails to staff.\nSecond line."));
    QCOMPARE(e.tags, (QStringList {QStringLiteral("email"), QStringLiteral("staff"), QStringLiteral("uk")}));
    QCOMPARE(e.date, PartialDate(DatePoint::fromDate(2023, 10, 14)));
    QCOMPARE(e.participants, (QList<Participant> {{QStringLiteral("apt31"), QStringLiteral("phisher")}}));
    QCOMPARE(e.disagreements, QStringList {disputed});
    QVERIFY(e.citations.isEmpty());
    QCOMPARE(e.notes, QStringLiteral("Ask the NCSC"));

    // The result is one undo step for the main window.
    CaseEdit edit(*m_case, QStringLiteral("Add event"));
    edit.add(e);
    QCOMPARE(edit.kase().events.constLast(), e);
    checkAccessibleNames(&dialog);
}

void tst_EditForms::participantsAddAndRemove()
{
    const Event *e = nullptr;
    for (const Event &candidate : m_case->events) {
        if (candidate.participants.size() >= 3) {
            e = &candidate;
            break;
        }
    }
    QVERIFY(e);
    EventDialog dialog(*m_case, *e);
    QTest::mouseClick(dialog.participantGrid()->removeButton(1), Qt::LeftButton);
    QList<Participant> expected = e->participants;
    expected.removeAt(1);
    QCOMPARE(dialog.value().participants, expected);
    // The role of the new row is offered from the roles the case uses.
    QTest::mouseClick(dialog.participantGrid()->addButton(), Qt::LeftButton);
    QComboBox *role = dialog.participantRole(dialog.participantGrid()->rowCount() - 1);
    QVERIFY(role->findText(QStringLiteral("attacker")) >= 0);
    QVERIFY(role->findText(QStringLiteral("sanctioner")) >= 0);
    QVERIFY(dialog.categoryBox()->findText(QStringLiteral("intrusion")) >= 0);
    QVERIFY(!dialog.okButton()->isEnabled());
    // A role typed in other case than a choice stays as typed when editing ends.
    QTest::keyClicks(role->lineEdit(), QStringLiteral("Attacker"));
    QMetaObject::invokeMethod(role->lineEdit(), "editingFinished");
    QCOMPARE(role->currentText(), QStringLiteral("Attacker"));
    role->setCurrentText(QString());
    // The wheel over a combo box without the focus scrolls the form; it does not change the actor.
    QComboBox *actor = dialog.participantActor(0);
    const int before = actor->currentIndex();
    QWheelEvent wheel(QPointF(5, 5), actor->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(actor, &wheel);
    QCOMPARE(actor->currentIndex(), before);
    QTest::mouseClick(dialog.participantGrid()->removeButton(dialog.participantGrid()->rowCount() - 1), Qt::LeftButton);
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.value().participants, expected);
}

void tst_EditForms::removingACitation()
{
    const Event *e = nullptr;
    for (const Event &candidate : m_case->events) {
        if (candidate.citations.size() >= 2) {
            e = &candidate;
            break;
        }
    }
    QVERIFY(e);
    EventDialog dialog(*m_case, *e);
    CitationListEdit *list = dialog.citationsEdit();
    const Source *source = m_case->source(e->citations.at(0).sourceId);
    QVERIFY(source);
    QVERIFY(list->citationText(0).contains(e->citations.at(0).quote));
    QVERIFY(list->citationText(0).contains(displayTitle(*source)));
    QCOMPARE(list->citationLabel(0)->textFormat(), Qt::PlainText);
    QTest::mouseClick(list->removeButton(0), Qt::LeftButton);
    QList<Citation> expected = e->citations;
    expected.removeFirst();
    QCOMPARE(dialog.value().citations, expected);
    QCOMPARE(dialog.value().title, e->title);
}

void tst_EditForms::newActorWithAlias()
{
    Actor fresh;
    fresh.id = newId(*m_case, EntityKind::Actor);
    ActorDialog dialog(*m_case, fresh);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New actor"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Bronze Vinewood"));
    QTest::keyClicks(dialog.kindBox()->lineEdit(), QStringLiteral("cluster"));
    QTest::keyClicks(dialog.descriptionEdit(), QStringLiteral("A name some vendors use."));
    QTest::mouseClick(dialog.aliasGrid()->addButton(), Qt::LeftButton);
    QVERIFY(!dialog.okButton()->isEnabled()); // an alias without a name
    QTest::keyClicks(dialog.aliasName(0), QStringLiteral("Vinewood"));
    dialog.aliasUsedBy(0)->setChosen(QStringLiteral("microsoft"), true);
    dialog.aliasUsedBy(0)->setChosen(QStringLiteral("apt31"), true);
    // Named in the order chosen.
    QCOMPARE(dialog.aliasUsedBy(0)->namesLabel()->text(),
             isolated(QStringLiteral("Microsoft")) + QStringLiteral(", ") + isolated(QStringLiteral("APT31")));
    QTest::mouseClick(dialog.affiliationGrid()->addButton(), Qt::LeftButton);
    QComboBox *other = dialog.affiliationActor(0);
    other->setCurrentIndex(actorIndex(other, QStringLiteral("apt31")));
    QTest::keyClicks(dialog.affiliationRelation(0)->lineEdit(), QStringLiteral("same as"));
    QTest::keyClicks(dialog.notesEdit(), QStringLiteral("Check the vendor report."));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

    const Actor a = dialog.value();
    QCOMPARE(a.id, fresh.id);
    QCOMPARE(a.name, QStringLiteral("Bronze Vinewood"));
    QCOMPARE(a.kind, QStringLiteral("cluster"));
    QCOMPARE(a.description, QStringLiteral("A name some vendors use."));
    QCOMPARE(a.aliases.size(), 1);
    QCOMPARE(a.aliases.at(0).name, QStringLiteral("Vinewood"));
    QCOMPARE(a.aliases.at(0).usedBy, (QStringList {QStringLiteral("microsoft"), QStringLiteral("apt31")}));
    QVERIFY(a.aliases.at(0).citations.isEmpty());
    QCOMPARE(a.affiliations.size(), 1);
    QCOMPARE(a.affiliations.at(0).actorId, QStringLiteral("apt31"));
    QCOMPARE(a.affiliations.at(0).relation, QStringLiteral("same as"));
    QCOMPARE(a.notes, QStringLiteral("Check the vendor report."));

    // An actor is never affiliated with itself.
    ActorDialog existing(*m_case, *m_case->actor(QStringLiteral("apt31")));
    QComboBox *first = existing.affiliationActor(0);
    first->setCurrentIndex(actorIndex(first, QStringLiteral("apt31")));
    QVERIFY(!existing.okButton()->isEnabled());
    QVERIFY(existing.problems().join(u'\n').contains(QStringLiteral("itself")));
    checkAccessibleNames(&existing);
    checkLabelsArePlain(&existing);
}

void tst_EditForms::newClaimWordingMustBeQuoted()
{
    const Claim *source = claimWithWording(*m_case);
    QVERIFY(source);
    // A new claim whose citations were added from the source reader.
    Claim fresh;
    fresh.id = newId(*m_case, EntityKind::Claim);
    fresh.citations = source->citations;
    ClaimDialog dialog(*m_case, fresh);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New claim"));
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.attributorBox()->setCurrentIndex(actorIndex(dialog.attributorBox(), source->attributorId));
    dialog.subjectBox()->setCurrentIndex(dialog.subjectBox()->findData(source->subjectId));
    dialog.eventBox()->setCurrentIndex(dialog.eventBox()->findData(source->eventId));
    QTest::keyClicks(dialog.statementEdit(), QStringLiteral("It was them"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    QCOMPARE(dialog.value().confidence, QString()); // empty: no wording given
    QVERIFY(dialog.confidenceStatus()->text().startsWith(QStringLiteral("No wording given")));

    // Present in a cited quote.
    QString quoted;
    for (const Citation &c : fresh.citations) {
        if (c.quote.contains(source->confidence)) {
            quoted = source->confidence;
        }
    }
    QVERIFY2(!quoted.isEmpty(), "the built-in claim's wording stands in one of its quotes");
    QTest::keyClicks(dialog.confidenceEdit(), quoted);
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    QVERIFY(dialog.confidenceStatus()->text().startsWith(QStringLiteral("Found in the quote")));
    // Where the speaker's yardstick defines the words, the status says what they stand for; with a
    // speaker whose yardstick the case does not tell, it says nothing more.
    if (const std::optional<EstimativeBand> band = estimativeBand(*m_case, dialog.value())) {
        QVERIFY(dialog.confidenceStatus()->text().contains(QStringLiteral("On the %1 it stands for %2\u2013%3%.")
                                                               .arg(band->scaleName)
                                                               .arg(band->lowPercent)
                                                               .arg(band->highPercent)));
        const int attributor = dialog.attributorBox()->currentIndex();
        dialog.attributorBox()->setCurrentIndex(actorIndex(dialog.attributorBox(), QStringLiteral("china-mfa")));
        QVERIFY(!dialog.confidenceStatus()->text().contains(QStringLiteral("stands for")));
        dialog.attributorBox()->setCurrentIndex(attributor);
        QVERIFY(dialog.confidenceStatus()->text().contains(QStringLiteral("stands for")));
    }
    Claim c = dialog.value();
    QCOMPARE(c.id, fresh.id);
    QCOMPARE(c.attributorId, source->attributorId);
    QCOMPARE(c.subjectId, source->subjectId);
    QCOMPARE(c.eventId, source->eventId);
    QCOMPARE(c.statement, QStringLiteral("It was them"));
    QCOMPARE(c.confidence, quoted);
    QCOMPARE(c.citations, fresh.citations);
    QVERIFY(!c.date.isValid());

    // Not in any quote nor source: a warning, and OK stays disabled.
    const QString invented = QStringLiteral("beyond any doubt whatsoever");
    for (const Source &s : m_case->sources) {
        QVERIFY(!s.text.contains(invented));
    }
    typeInto(dialog.confidenceEdit(), invented);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.confidenceStatus()->text().startsWith(QStringLiteral("Not in the claim's quotes")));
    QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("Confidence:")));
    // Changing its case is not verbatim either.
    typeInto(dialog.confidenceEdit(), quoted.toUpper());
    QVERIFY(!dialog.okButton()->isEnabled());
    // Emptied again: "no wording given" is always allowed.
    dialog.confidenceEdit()->clear();
    QVERIFY(dialog.okButton()->isEnabled());

    // Removing the citations the wording stands in makes it unquoted.
    typeInto(dialog.confidenceEdit(), quoted);
    QVERIFY(dialog.okButton()->isEnabled());
    while (!dialog.citationsEdit()->citations().isEmpty()) {
        QTest::mouseClick(dialog.citationsEdit()->removeButton(0), Qt::LeftButton);
    }
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.value().citations.isEmpty());
}

void tst_EditForms::confidenceNumberNeedsYardstick()
{
    const Claim *source = claimWithWording(*m_case);
    QVERIFY(source);
    ClaimDialog dialog(*m_case, *source);
    QVERIFY(dialog.okButton()->isEnabled());
    typeInto(dialog.confidenceValueBox(), QStringLiteral("80"));
    QCOMPARE(dialog.confidenceValueBox()->value(), 80);
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("Yardstick:")));
    QTest::keyClicks(dialog.yardstickBox()->lineEdit(), QStringLiteral("UK PHIA probability yardstick"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    Claim c = dialog.value();
    QCOMPARE(c.confidenceValue, std::optional<int>(80));
    QCOMPARE(c.yardstick, QStringLiteral("UK PHIA probability yardstick"));
    // A yardstick alone is not enough either.
    dialog.confidenceValueBox()->setValue(-1);
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.yardstickBox()->setCurrentText(QString());
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.value(), *source);
    // The claim is not offered as one it disputes itself.
    QCOMPARE(dialog.disputesList()->rowOf(source->id), -1);
}

void tst_EditForms::newDisagreementWithTwoVersions()
{
    Disagreement fresh;
    fresh.id = newId(*m_case, EntityKind::Disagreement);
    DisagreementDialog dialog(*m_case, fresh);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New disputed point"));
    QTest::keyClicks(dialog.questionEdit(), QStringLiteral("Who sent the mails?"));
    // A new point is a conflict until the journalist says one account is only less specific.
    QCOMPARE(dialog.kindCombo()->count(), 2);
    QCOMPARE(dialog.kindCombo()->currentData().toInt(), int(Disagreement::Kind::Conflict));
    QCOMPARE(dialog.kindCombo()->accessibleName(), QStringLiteral("Kind"));
    QTest::mouseClick(dialog.versionGrid()->addButton(), Qt::LeftButton);
    QTest::keyClicks(dialog.versionStatement(0), QStringLiteral("APT31"));
    QVERIFY(!dialog.okButton()->isEnabled()); // one version is no disagreement
    QVERIFY(dialog.problems().join(u'\n').contains(QStringLiteral("at least two")));
    QTest::mouseClick(dialog.versionGrid()->addButton(), Qt::LeftButton);
    QVERIFY(!dialog.okButton()->isEnabled()); // the second is empty
    QTest::keyClicks(dialog.versionStatement(1), QStringLiteral("Someone else"));
    QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
    const Disagreement d = dialog.value();
    QCOMPARE(d.id, fresh.id);
    QCOMPARE(d.question, QStringLiteral("Who sent the mails?"));
    QCOMPARE(d.kind, Disagreement::Kind::Conflict);
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(Disagreement::Kind::Specificity)));
    QVERIFY(dialog.kindCombo()->currentText().contains(QStringLiteral("less")));
    QCOMPARE(dialog.value().kind, Disagreement::Kind::Specificity);
    QCOMPARE(d.versions.size(), 2);
    QCOMPARE(d.versions.at(0).statement, QStringLiteral("APT31"));
    QCOMPARE(d.versions.at(1).statement, QStringLiteral("Someone else"));
    QVERIFY(d.versions.at(0).citations.isEmpty());
    QTest::mouseClick(dialog.versionGrid()->removeButton(0), Qt::LeftButton);
    QVERIFY(!dialog.okButton()->isEnabled());
    QCOMPARE(dialog.value().versions.size(), 1);
    QCOMPARE(dialog.value().versions.at(0).statement, QStringLiteral("Someone else"));
    // Screen readers hear the rows as they now stand.
    QCOMPARE(dialog.versionStatement(0)->accessibleName(), QStringLiteral("Version 1: statement"));
    QCOMPARE(dialog.versionGrid()->removeButton(0)->accessibleName(), QStringLiteral("Remove version 1"));
    checkAccessibleNames(&dialog);
    checkLabelsArePlain(&dialog);
}

void tst_EditForms::dateRoundTrip_data()
{
    QTest::addColumn<PartialDate>("date");
    QTest::addColumn<QString>("shown");
    QTest::newRow("day") << PartialDate(DatePoint::fromDate(2024, 3, 25)) << QStringLiteral("25 Mar 2024");
    QTest::newRow("month") << PartialDate(DatePoint::fromYearMonth(2024, 3)) << QStringLiteral("Mar 2024");
    QTest::newRow("year") << PartialDate(DatePoint::fromYear(2018)) << QStringLiteral("2018");
    QTest::newRow("range") << PartialDate::range(DatePoint::fromYear(2021), DatePoint::fromYear(2022))
                           << QStringLiteral("2021\u201322");
    QTest::newRow("mixed range") << PartialDate::range(DatePoint::fromYear(2010), DatePoint::fromYearMonth(2024, 3))
                                 << QStringLiteral("2010 \u2013 Mar 2024");
    QTest::newRow("open start") << PartialDate::openStart(DatePoint::fromDate(2024, 3, 25))
                                << QStringLiteral("\u2026 \u2013 25 Mar 2024");
    QTest::newRow("open end") << PartialDate::openEnd(DatePoint::fromYear(2010))
                              << QStringLiteral("2010 \u2013 \u2026");
    PartialDate approximate(DatePoint::fromYear(2010));
    approximate.setApproximate(true);
    approximate.setQualifier(QStringLiteral("at least since"));
    QTest::newRow("approximate") << approximate << QStringLiteral("c. 2010");
    // Approximation belongs to an end: a range known exactly at its end only.
    PartialDate aboutStart = PartialDate::range(DatePoint::fromYear(2010), DatePoint::fromDate(2024, 3, 25));
    aboutStart.setApproximate(PartialDate::Approximate::Start);
    QTest::newRow("start approximate") << aboutStart << QStringLiteral("c. 2010 \u2013 25 Mar 2024");
    PartialDate aboutEnd = PartialDate::range(DatePoint::fromYear(2010), DatePoint::fromYearMonth(2024, 3));
    aboutEnd.setApproximate(PartialDate::Approximate::End);
    QTest::newRow("end approximate") << aboutEnd << QStringLiteral("2010 \u2013 c. Mar 2024");
    // As files written before per-end approximation have it: the whole of a range whose start is unknown.
    PartialDate wholeOpen = PartialDate::openStart(DatePoint::fromDate(2024, 3, 25));
    wholeOpen.setApproximate(true);
    QTest::newRow("approximate open start") << wholeOpen << QStringLiteral("\u2026 \u2013 c. 25 Mar 2024");
    PartialDate relative(DatePoint::fromYearMonth(2024, 2));
    DateProvenance p;
    p.kind = DateProvenance::Kind::Relative;
    p.expression = QStringLiteral("Last month");
    p.reference = DatePoint::fromDate(2024, 3, 26);
    p.referenceNote = QStringLiteral("the article's publication day");
    p.citations = m_case->events.at(2).citations;
    relative.setProvenance(p);
    QTest::newRow("relative") << relative << QStringLiteral("Feb 2024");
    PartialDate inferred = PartialDate::openStart(DatePoint::fromDate(2024, 3, 25));
    DateProvenance q;
    q.kind = DateProvenance::Kind::Inferred;
    q.referenceNote = QStringLiteral("no source gives a start");
    inferred.setProvenance(q);
    QTest::newRow("inferred") << inferred << QStringLiteral("\u2026 \u2013 25 Mar 2024");
}

void tst_EditForms::dateRoundTrip()
{
    QFETCH(PartialDate, date);
    QFETCH(QString, shown);
    DateEdit edit(m_case.get());
    edit.setDate(date);
    QCOMPARE(edit.date(), date);
    QCOMPARE(edit.preview(), shown);
    QCOMPARE(edit.previewLabel()->text(), shown);
    QCOMPARE(edit.problem(), QString());
    // And through an event dialog, whose OK it leaves enabled.
    Event e = m_case->events.first();
    e.date = date;
    EventDialog dialog(*m_case, e);
    QCOMPARE(dialog.value(), e);
    QVERIFY(dialog.okButton()->isEnabled());
}

void tst_EditForms::dateTyped()
{
    DateEdit edit(m_case.get());
    edit.setDate(PartialDate());
    QCOMPARE(edit.mode(), DateEdit::Mode::Single);
    typeInto(edit.startEdit()->yearBox(), QStringLiteral("2021"));
    QCOMPARE(edit.date(), PartialDate(DatePoint::fromYear(2021)));
    QVERIFY(!edit.startEdit()->dayBox()->isEnabled()); // no day without its month
    edit.startEdit()->monthBox()->setCurrentIndex(3);
    QCOMPARE(edit.date(), PartialDate(DatePoint::fromYearMonth(2021, 3)));
    QCOMPARE(edit.preview(), QStringLiteral("Mar 2021"));
    typeInto(edit.startEdit()->dayBox(), QStringLiteral("9"));
    QCOMPARE(edit.date(), PartialDate(DatePoint::fromDate(2021, 3, 9)));

    // A range of years, approximate at its start only: "c." before the start, none before the exact end.
    edit.setMode(DateEdit::Mode::Range);
    QVERIFY(!edit.problem().isEmpty()); // no end yet
    edit.startEdit()->monthBox()->setCurrentIndex(0);
    typeInto(edit.endEdit()->yearBox(), QStringLiteral("2022"));
    QVERIFY(!edit.approximateBox()->isVisibleTo(&edit)); // a range's ends have their own boxes
    QVERIFY(edit.approximateStartBox()->isVisibleTo(&edit));
    QVERIFY(edit.approximateEndBox()->isVisibleTo(&edit));
    const auto click = [](QCheckBox *box) { QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2)); };
    click(edit.approximateStartBox());
    PartialDate expected = PartialDate::range(DatePoint::fromYear(2021), DatePoint::fromYear(2022));
    expected.setApproximate(PartialDate::Approximate::Start);
    QCOMPARE(edit.date(), expected);
    QCOMPARE(edit.preview(), QStringLiteral("c. 2021 \u2013 2022"));
    // Both ends: one "c." for the compact range.
    click(edit.approximateEndBox());
    expected.setApproximate(true);
    QCOMPARE(edit.date(), expected);
    QCOMPARE(edit.preview(), QStringLiteral("c. 2021\u201322"));
    // Its start unknown: the start's box no longer applies, and "c." stands before the end alone.
    edit.openStartBox()->setChecked(true);
    QVERIFY(!edit.startEdit()->isEnabled());
    QVERIFY(!edit.approximateStartBox()->isEnabled());
    QCOMPARE(edit.date().isOpenStart(), true);
    QCOMPARE(edit.preview(), QStringLiteral("\u2026 \u2013 c. 2022"));
    edit.openStartBox()->setChecked(false);
    edit.approximateStartBox()->setChecked(false);
    edit.approximateEndBox()->setChecked(false);
    // Approximation goes with the date from one kind to the other: a single date becomes the range's start.
    edit.setMode(DateEdit::Mode::Single);
    edit.approximateBox()->setChecked(true);
    edit.setMode(DateEdit::Mode::Range);
    QVERIFY(edit.approximateStartBox()->isChecked());
    QVERIFY(!edit.approximateEndBox()->isChecked());
    QCOMPARE(edit.preview(), QStringLiteral("c. 2021 \u2013 2022"));
    edit.setMode(DateEdit::Mode::Single);
    QVERIFY(edit.approximateBox()->isChecked());
    QCOMPARE(edit.preview(), QStringLiteral("c. 2021"));
    edit.approximateBox()->setChecked(false);

    // Relative: worked out from the source's words against a reference date.
    edit.setMode(DateEdit::Mode::Single);
    edit.provenanceBox()->setCurrentIndex(edit.provenanceBox()->findData(int(DateProvenance::Kind::Relative)));
    QVERIFY(edit.problem().contains(QStringLiteral("Source's words:")));
    QVERIFY(edit.problem().contains(QStringLiteral("Resolved against:")));
    QTest::keyClicks(edit.expressionEdit(), QStringLiteral("last March"));
    typeInto(edit.referenceEdit()->yearBox(), QStringLiteral("2022"));
    edit.referenceEdit()->monthBox()->setCurrentIndex(1);
    typeInto(edit.referenceEdit()->dayBox(), QStringLiteral("5"));
    QTest::keyClicks(edit.noteEdit(), QStringLiteral("the report's date"));
    QCOMPARE(edit.problem(), QString());
    const PartialDate d = edit.date();
    QCOMPARE(d.start(), DatePoint::fromYear(2021));
    QCOMPARE(d.provenance().kind, DateProvenance::Kind::Relative);
    QCOMPARE(d.provenance().expression, QStringLiteral("last March"));
    QCOMPARE(d.provenance().reference, DatePoint::fromDate(2022, 1, 5));
    QCOMPARE(d.provenance().referenceNote, QStringLiteral("the report's date"));
    QVERIFY(d.describe().contains(QStringLiteral("relative from \u201clast March\u201d against 5 Jan 2022")));
}

void tst_EditForms::invalidDatesDisableOk_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<int>>("start"); // year, month, day
    QTest::addColumn<QList<int>>("end");
    QTest::addColumn<QString>("problem");
    const int single = int(DateEdit::Mode::Single);
    const int range = int(DateEdit::Mode::Range);
    QTest::newRow("31 Feb") << single << QList<int> {2023, 2, 31} << QList<int> {} << QStringLiteral("does not exist");
    QTest::newRow("29 Feb 2023") << single << QList<int> {2023, 2, 29} << QList<int> {}
                                 << QStringLiteral("February 2023 has 28 days");
    QTest::newRow("no year") << single << QList<int> {0, 0, 0} << QList<int> {}
                             << QStringLiteral("enter at least the year");
    QTest::newRow("end before start") << range << QList<int> {2024, 3, 0} << QList<int> {2023, 0, 0}
                                      << QStringLiteral("before it starts");
    QTest::newRow("end before start, same month")
        << range << QList<int> {2024, 3, 25} << QList<int> {2024, 3, 2} << QStringLiteral("before it starts");
    QTest::newRow("range without end") << range << QList<int> {2024, 3, 0} << QList<int> {0, 0, 0}
                                       << QStringLiteral("enter the year the range ends");
    QTest::newRow("30 Apr in range end") << range << QList<int> {2024, 3, 0} << QList<int> {2024, 4, 31}
                                         << QStringLiteral("31 April 2024 does not exist");
}

void tst_EditForms::invalidDatesDisableOk()
{
    QFETCH(int, mode);
    QFETCH(QList<int>, start);
    QFETCH(QList<int>, end);
    QFETCH(QString, problem);
    EventDialog dialog(*m_case, m_case->events.first());
    QVERIFY(dialog.okButton()->isEnabled());
    DateEdit *edit = dialog.dateEdit();
    edit->setDate(PartialDate());
    edit->setMode(DateEdit::Mode(mode));
    auto set = [](DatePointEdit *point, const QList<int> &ymd) {
        if (ymd.isEmpty()) {
            return;
        }
        typeInto(point->yearBox(), ymd.at(0) ? QString::number(ymd.at(0)) : QString());
        if (ymd.at(0) == 0) {
            point->yearBox()->setValue(0);
        }
        point->monthBox()->setCurrentIndex(ymd.at(1));
        point->dayBox()->setValue(ymd.at(2));
    };
    set(edit->startEdit(), start);
    set(edit->endEdit(), end);
    QVERIFY2(edit->problem().contains(problem), qPrintable(edit->problem()));
    QVERIFY(!edit->problemLabel()->isHidden());
    QCOMPARE(edit->previewLabel()->text(), QStringLiteral("\u2014"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(problem));
    // Enter does not save it either.
    dialog.show();
    QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void tst_EditForms::claimDateMayBeNotGiven()
{
    const Claim *undated = nullptr;
    const Claim *dated = nullptr;
    for (const Claim &c : m_case->claims) {
        (c.date.isValid() ? dated : undated) = &c;
    }
    QVERIFY(undated && dated);
    ClaimDialog dialog(*m_case, *undated);
    QCOMPARE(dialog.dateEdit()->mode(), DateEdit::Mode::NotGiven);
    QCOMPARE(dialog.dateEdit()->preview(), QStringLiteral("not given"));
    QVERIFY(dialog.okButton()->isEnabled());
    ClaimDialog other(*m_case, *dated);
    QVERIFY(other.dateEdit()->mode() != DateEdit::Mode::NotGiven);
    other.dateEdit()->setMode(DateEdit::Mode::NotGiven);
    QVERIFY(!other.value().date.isValid());
    QVERIFY(other.okButton()->isEnabled());
    // An event's date is never optional.
    EventDialog event(*m_case, m_case->events.first());
    QCOMPARE(event.dateEdit()->modeBox()->findData(int(DateEdit::Mode::NotGiven)), -1);
}

void tst_EditForms::keyboard()
{
    const Event &e = m_case->events.at(3);
    {
        EventDialog dialog(*m_case, e);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Enter in a line edit is OK.
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }
    {
        EventDialog dialog(*m_case, e);
        dialog.show();
        // Enter in an editable combo box is OK too, and does not add the text to its choices.
        const int categories = dialog.categoryBox()->count();
        typeInto(dialog.categoryBox()->lineEdit(), QStringLiteral("brand new"));
        QTest::keyClick(dialog.categoryBox()->lineEdit(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.categoryBox()->count(), categories);
        QCOMPARE(dialog.value().category, QStringLiteral("brand new"));
    }
    {
        EventDialog dialog(*m_case, e);
        dialog.show();
        // Enter in the summary is a new line; Ctrl+Enter is OK.
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.summaryEdit()->setFocus();
        QTest::keyClick(dialog.summaryEdit(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.value().summary.endsWith(QLatin1Char('\n')) || dialog.value().summary.contains(u'\n'));
        QTest::keyClick(dialog.summaryEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    {
        EventDialog dialog(*m_case, e);
        dialog.show();
        QTest::keyClick(dialog.titleEdit(), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }
    {
        // Tab goes down the form: title, category, summary, tags, then the date.
        EventDialog dialog(*m_case, e);
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.titleEdit()->setFocus();
        for (QWidget *next : std::initializer_list<QWidget *> {dialog.categoryBox(), dialog.summaryEdit(),
                                                               dialog.tagsEdit(), dialog.dateEdit()->modeBox(),
                                                               dialog.dateEdit()->startEdit()->yearBox()}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus == next || next->isAncestorOf(focus),
                     qPrintable(focus->accessibleName() + QStringLiteral(" instead of ") + next->accessibleName()));
        }
        // In the summary, Tab moves on rather than typing a tab.
        QVERIFY(dialog.summaryEdit()->tabChangesFocus());
        QVERIFY(dialog.notesEdit()->tabChangesFocus());
    }
}

void tst_EditForms::hostileTextShowsLiterally()
{
    Case kase = *m_case;
    Source &source = kase.sources.first();
    source.title = hostile(QStringLiteral("source"));
    Actor &actor = kase.actors.first();
    actor.name = hostile(QStringLiteral("actor"));
    actor.description = hostile(QStringLiteral("description"));
    actor.kind = hostile(QStringLiteral("kind"));
    actor.notes = hostile(QStringLiteral("notes"));
    actor.aliases.first().name = hostile(QStringLiteral("alias"));
    actor.aliases.first().usedBy = {actor.id};
    actor.citations.first().sourceId = source.id;
    Disagreement &disagreement = kase.disagreements.first();
    disagreement.question = hostile(QStringLiteral("question"));
    disagreement.versions.first().statement = hostile(QStringLiteral("version"));
    Event &event = kase.events.first();
    event.title = hostile(QStringLiteral("title"));
    event.summary = hostile(QStringLiteral("summary"));
    event.category = hostile(QStringLiteral("category"));
    event.tags = {hostile(QStringLiteral("tag"))};
    event.participants = {{actor.id, hostile(QStringLiteral("role"))}};
    event.disagreements = {disagreement.id};
    Citation cited;
    cited.sourceId = source.id;
    cited.quote = hostile(QStringLiteral("quote"));
    event.citations = {cited};
    Claim &claim = kase.claims.first();
    claim.statement = hostile(QStringLiteral("statement"));
    claim.attributorId = actor.id;

    EventDialog eventDialog(kase, event);
    QCOMPARE(eventDialog.value(), event);
    QCOMPARE(eventDialog.titleEdit()->text(), event.title);
    QCOMPARE(eventDialog.categoryBox()->currentText(), event.category);
    QCOMPARE(eventDialog.summaryEdit()->toPlainText(), event.summary);
    QCOMPARE(eventDialog.participantActor(0)->currentText(), actor.name);
    QCOMPARE(eventDialog.participantRole(0)->currentText(), hostile(QStringLiteral("role")));
    QCOMPARE(eventDialog.disagreementList()->item(0)->text(), disagreement.question);
    QLabel *citation = eventDialog.citationsEdit()->citationLabel(0);
    QCOMPARE(citation->textFormat(), Qt::PlainText);
    // Quote and source set apart, so that the quote's U+202E cannot reverse what follows it.
    QCOMPARE(citation->text(), quoted(cited.quote) + QStringLiteral("\n\u2014 ") + isolated(source.title));
    QVERIFY(!eventDialog.windowTitle().contains(QStringLiteral("<b>")));
    checkLabelsArePlain(&eventDialog);
    eventDialog.show();
    QVERIFY(!eventDialog.grab().isNull()); // drawn without loading anything

    ActorDialog actorDialog(kase, actor);
    QCOMPARE(actorDialog.value(), actor);
    QCOMPARE(actorDialog.nameEdit()->text(), actor.name);
    QCOMPARE(actorDialog.aliasName(0)->text(), actor.aliases.first().name);
    // The menu of who uses the alias: "&" is not a mnemonic there.
    QCOMPARE(actorDialog.aliasUsedBy(0)->namesLabel()->text(), isolated(actor.name));
    bool found = false;
    for (const QAction *a : actorDialog.aliasUsedBy(0)->button()->menu()->actions()) {
        if (a->data().toString() == actor.id) {
            found = true;
            QCOMPARE(a->text(), mnemonicSafe(actor.name));
            QVERIFY(a->text().contains(QStringLiteral("Q&&A")));
        }
    }
    QVERIFY(found);
    checkLabelsArePlain(&actorDialog);

    ClaimDialog claimDialog(kase, claim);
    QCOMPARE(claimDialog.value(), claim);
    QCOMPARE(claimDialog.attributorBox()->currentText(), actor.name);
    QCOMPARE(claimDialog.statementEdit()->toPlainText(), claim.statement);
    QCOMPARE(claimDialog.eventBox()->itemText(claimDialog.eventBox()->findData(event.id)),
             event.date.toDisplayString() + QStringLiteral(" \u2014 ") + isolated(event.title));
    QCOMPARE(claimDialog.disagreementList()->item(0)->text(), disagreement.question);
    checkLabelsArePlain(&claimDialog);

    DisagreementDialog disagreementDialog(kase, disagreement);
    QCOMPARE(disagreementDialog.value(), disagreement);
    QCOMPARE(disagreementDialog.questionEdit()->text(), disagreement.question);
    QCOMPARE(disagreementDialog.versionStatement(0)->toPlainText(), disagreement.versions.first().statement);
    checkLabelsArePlain(&disagreementDialog);
}

void tst_EditForms::textWidgetsCannotHoldComesBackUntouched()
{
    // A plain-text edit turns CR LF, a lone CR, U+2028 and no-break spaces into other characters; a
    // tag may hold a comma. Untouched, all come back as they were; edited, the edit is what counts.
    Event e = m_case->events.first();
    e.summary = QStringLiteral("one\r\ntwo\rthree\u2028four\u00a0five\u2029six");
    e.notes = QStringLiteral("a\u00a0b");
    e.tags = {QStringLiteral("a, b"), QStringLiteral("c")};
    e.title = QString(40000, QLatin1Char('x'));
    EventDialog dialog(*m_case, e);
    QCOMPARE(dialog.value(), e);
    dialog.summaryEdit()->setPlainText(QStringLiteral("new"));
    QCOMPARE(dialog.value().summary, QStringLiteral("new"));
    typeInto(dialog.tagsEdit(), QStringLiteral("x, y"));
    QCOMPARE(dialog.value().tags, (QStringList {QStringLiteral("x"), QStringLiteral("y")}));
    // Ids the case does not know are kept, named as unknown.
    Event dangling = m_case->events.first();
    dangling.participants = {{QStringLiteral("nobody"), QStringLiteral("ghost")}};
    dangling.disagreements = {QStringLiteral("d-missing"), m_case->disagreements.first().id};
    EventDialog keeps(*m_case, dangling);
    QCOMPARE(keeps.value(), dangling);
    QVERIFY(keeps.participantActor(0)->currentText().contains(QStringLiteral("unknown actor")));
}

QTEST_MAIN(tst_EditForms)
#include "tst_editforms.moc"

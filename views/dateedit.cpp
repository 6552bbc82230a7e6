#include "dateedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <array>

namespace AT {

namespace {
const std::array<const char16_t *, 12> MonthNames
    = {u"January", u"February", u"March",     u"April",   u"May",      u"June",
       u"July",    u"August",   u"September", u"October", u"November", u"December"};
} // namespace

DatePointEdit::DatePointEdit(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_year(new QSpinBox)
    , m_month(new QComboBox)
    , m_day(new QSpinBox)
{
    setAccessibleName(accessibleName);
    m_year->setRange(0, 9999);
    m_year->setSpecialValueText(QStringLiteral("(year)"));
    m_year->setAccessibleName(accessibleName + QStringLiteral(": year"));
    m_year->setKeyboardTracking(true);
    m_year->setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    m_month->addItem(QStringLiteral("(no month)"));
    for (const char16_t *name : MonthNames) {
        m_month->addItem(QString::fromUtf16(name));
    }
    m_month->setAccessibleName(accessibleName + QStringLiteral(": month"));
    m_day->setRange(0, 31);
    m_day->setSpecialValueText(QStringLiteral("(no day)"));
    m_day->setAccessibleName(accessibleName + QStringLiteral(": day"));
    for (QWidget *w : std::initializer_list<QWidget *> {m_year, m_month, m_day}) {
        guardWheel(w);
    }
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_year);
    layout->addWidget(m_month);
    layout->addWidget(m_day);
    layout->addStretch(1);
    connect(m_year, &QSpinBox::valueChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_month, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT changed();
    });
    connect(m_day, &QSpinBox::valueChanged, this, &DatePointEdit::changed);
    updateEnabled();
}

void DatePointEdit::setPoint(const DatePoint &point)
{
    const QSignalBlocker blockYear(m_year);
    const QSignalBlocker blockMonth(m_month);
    const QSignalBlocker blockDay(m_day);
    m_year->setValue(point.isValid() ? point.year() : 0);
    m_month->setCurrentIndex(point.precision() >= DatePoint::Precision::Month ? point.month() : 0);
    m_day->setValue(point.precision() == DatePoint::Precision::Day ? point.day() : 0);
    updateEnabled();
    Q_EMIT changed();
}

bool DatePointEdit::isEmpty() const
{
    return m_year->value() == 0;
}

DatePoint DatePointEdit::point() const
{
    // The month and the day count only while they can be edited: a day without its month is no date.
    const int year = m_year->value();
    const int month = m_month->currentIndex();
    const int day = m_day->value();
    if (year == 0) {
        return {};
    }
    if (month == 0) {
        return DatePoint::fromYear(year);
    }
    if (day == 0) {
        return DatePoint::fromYearMonth(year, month);
    }
    return DatePoint::fromDate(year, month, day);
}

QString DatePointEdit::problem() const
{
    const int year = m_year->value();
    const int month = m_month->currentIndex();
    const int day = m_day->value();
    if (year == 0 || month == 0 || day == 0 || QDate::isValid(year, month, day)) {
        return {};
    }
    const int days = QDate(year, month, 1).daysInMonth();
    return QStringLiteral("%1 %2 %3 does not exist (%2 %3 has %4 days); correct the day")
        .arg(day)
        .arg(QString::fromUtf16(MonthNames[static_cast<size_t>(month - 1)]))
        .arg(year)
        .arg(days);
}

void DatePointEdit::updateEnabled()
{
    m_month->setEnabled(m_year->value() != 0);
    m_day->setEnabled(m_year->value() != 0 && m_month->currentIndex() != 0);
}

// --- DateEdit

DateEdit::DateEdit(const Case *kase, QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_mode(new QComboBox)
    , m_start(new DatePointEdit(QStringLiteral("Date")))
    , m_end(new DatePointEdit(QStringLiteral("Range end")))
    , m_openStart(new QCheckBox(QStringLiteral("not given")))
    , m_openEnd(new QCheckBox(QStringLiteral("not given")))
    , m_approximate(new QCheckBox(QStringLiteral("Approximate (shown as \u201cc.\u201d)")))
    , m_approximateStart(new QCheckBox(QStringLiteral("about")))
    , m_approximateEnd(new QCheckBox(QStringLiteral("about")))
    , m_qualifier(new QLineEdit)
    , m_kind(new QComboBox)
    , m_expression(new QLineEdit)
    , m_reference(new DatePointEdit(QStringLiteral("Resolved against")))
    , m_note(plainTextEdit(3))
    , m_citations(new CitationListEdit(kase, QStringLiteral("Passage that dates it")))
    , m_preview(plainLabel(QString()))
    , m_problem(plainLabel(QString()))
    , m_startRow(new QWidget)
    , m_endRow(new QWidget)
{
    setAccessibleName(QStringLiteral("Date"));
    m_mode->addItem(QStringLiteral("One date"), static_cast<int>(Mode::Single));
    m_mode->addItem(QStringLiteral("A range"), static_cast<int>(Mode::Range));
    m_mode->setAccessibleName(QStringLiteral("Kind of date"));
    m_openStart->setAccessibleName(QStringLiteral("Start not given"));
    m_openStart->setToolTip(QStringLiteral("The sources do not say when it started"));
    m_openEnd->setAccessibleName(QStringLiteral("End not given"));
    m_openEnd->setToolTip(QStringLiteral("The sources do not say when it ended"));
    m_approximate->setAccessibleName(QStringLiteral("Approximate"));
    // Approximation belongs to an end: a range may be known exactly at one end and only roughly at the other.
    m_approximateStart->setAccessibleName(QStringLiteral("Start approximate"));
    m_approximateStart->setToolTip(
        QStringLiteral("The sources give the start only roughly; it is shown with \u201cc.\u201d, the end is not"));
    m_approximateEnd->setAccessibleName(QStringLiteral("End approximate"));
    m_approximateEnd->setToolTip(
        QStringLiteral("The sources give the end only roughly; it is shown with \u201cc.\u201d, the start is not"));
    m_qualifier->setPlaceholderText(QStringLiteral("e.g. at least since"));
    m_qualifier->setAccessibleName(QStringLiteral("Qualifier"));
    m_qualifier->setClearButtonEnabled(true);
    m_kind->addItem(QStringLiteral("Stated in the source"), static_cast<int>(DateProvenance::Kind::Stated));
    m_kind->addItem(QStringLiteral("Relative: worked out from words like \u201clast month\u201d"),
                    static_cast<int>(DateProvenance::Kind::Relative));
    m_kind->addItem(QStringLiteral("Inferred from the context"), static_cast<int>(DateProvenance::Kind::Inferred));
    m_kind->setAccessibleName(QStringLiteral("How the date was established"));
    guardWheel(m_mode);
    guardWheel(m_kind);
    m_expression->setPlaceholderText(QStringLiteral("the source's own words, e.g. last month"));
    m_expression->setAccessibleName(QStringLiteral("The source's words"));
    m_expression->setClearButtonEnabled(true);
    m_note->setPlaceholderText(QStringLiteral("How the date was worked out, and where the reference date comes from"));
    m_note->setAccessibleName(QStringLiteral("Explanation of the date"));
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);
    m_preview->setAccessibleName(QStringLiteral("The date as shown"));
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->setAccessibleName(QStringLiteral("What is wrong with the date"));

    auto *startLayout = new QHBoxLayout(m_startRow);
    startLayout->setContentsMargins(0, 0, 0, 0);
    startLayout->addWidget(m_start, 1);
    startLayout->addWidget(m_approximateStart);
    startLayout->addWidget(m_openStart);
    auto *endLayout = new QHBoxLayout(m_endRow);
    endLayout->setContentsMargins(0, 0, 0, 0);
    endLayout->addWidget(m_end, 1);
    endLayout->addWidget(m_approximateEnd);
    endLayout->addWidget(m_openEnd);

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(plainLabel(QStringLiteral("&Kind:"), m_mode), m_mode);
    m_form->addRow(plainLabel(QStringLiteral("On:"), m_start->yearBox()), m_startRow);
    m_form->addRow(plainLabel(QStringLiteral("To:"), m_end->yearBox()), m_endRow);
    m_form->addRow(QString(), m_approximate);
    m_form->addRow(plainLabel(QStringLiteral("&Qualifier:"), m_qualifier), m_qualifier);
    m_form->addRow(plainLabel(QStringLiteral("&Established:"), m_kind), m_kind);
    m_form->addRow(plainLabel(QStringLiteral("Source's &words:"), m_expression), m_expression);
    m_form->addRow(plainLabel(QStringLiteral("Resolved against:"), m_reference->yearBox()), m_reference);
    m_form->addRow(plainLabel(QStringLiteral("Explanation:"), m_note), m_note);
    m_form->addRow(plainLabel(QStringLiteral("Passages:")), m_citations);
    m_form->addRow(plainLabel(QStringLiteral("Shown as:")), m_preview);
    m_form->addRow(m_problem);

    // Before update() is connected, so that the preview already shows the carried approximation.
    connect(m_mode, &QComboBox::currentIndexChanged, this, &DateEdit::carryApproximation);
    for (DatePointEdit *edit : {m_start, m_end, m_reference}) {
        connect(edit, &DatePointEdit::changed, this, &DateEdit::update);
    }
    for (QCheckBox *box : {m_openStart, m_openEnd, m_approximate, m_approximateStart, m_approximateEnd}) {
        connect(box, &QCheckBox::toggled, this, &DateEdit::update);
    }
    for (QComboBox *box : {m_mode, m_kind}) {
        connect(box, &QComboBox::currentIndexChanged, this, &DateEdit::update);
    }
    for (QLineEdit *edit : {m_qualifier, m_expression}) {
        connect(edit, &QLineEdit::textChanged, this, &DateEdit::update);
    }
    connect(m_note, &QPlainTextEdit::textChanged, this, &DateEdit::update);
    connect(m_citations, &CitationListEdit::changed, this, &DateEdit::update);
    update();
}

void DateEdit::setAllowNotGiven(bool allow)
{
    m_allowNotGiven = allow;
    const int i = m_mode->findData(static_cast<int>(Mode::NotGiven));
    if (allow && i < 0) {
        m_mode->addItem(QStringLiteral("Not given"), static_cast<int>(Mode::NotGiven));
    } else if (!allow && i >= 0) {
        m_mode->removeItem(i);
    }
}

DateEdit::Mode DateEdit::mode() const
{
    return static_cast<Mode>(m_mode->currentData().toInt());
}

void DateEdit::setMode(Mode mode)
{
    const int i = m_mode->findData(static_cast<int>(mode));
    if (i >= 0) {
        m_mode->setCurrentIndex(i);
    }
}

DateProvenance::Kind DateEdit::kind() const
{
    return static_cast<DateProvenance::Kind>(m_kind->currentData().toInt());
}

void DateEdit::setDate(const PartialDate &date)
{
    {
        // One change signal for the whole date, after every field is set.
        m_setting = true;
        const bool nothing
            = !date.start().isValid() && !date.end().isValid() && !date.isOpenStart() && !date.isOpenEnd();
        if (nothing && m_allowNotGiven) {
            setMode(Mode::NotGiven);
        } else {
            setMode(date.isRange() ? Mode::Range : Mode::Single);
        }
        m_start->setPoint(date.start());
        m_end->setPoint(date.end());
        m_openStart->setChecked(date.isOpenStart());
        m_openEnd->setChecked(date.isOpenEnd());
        // As set, also for an end that is not known, so that the date comes back unchanged.
        const PartialDate::Approximate a = date.approximate();
        const bool whole = a == PartialDate::Approximate::Whole;
        m_approximate->setChecked(!date.isRange() && date.isApproximate());
        m_approximateStart->setChecked(date.isRange() && (whole || a == PartialDate::Approximate::Start));
        m_approximateEnd->setChecked(date.isRange() && (whole || a == PartialDate::Approximate::End));
        m_shownMode = mode();
        setKeptText(m_qualifier, &m_keptQualifier, date.qualifier());
        const DateProvenance &p = date.provenance();
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(p.kind)));
        setKeptText(m_expression, &m_keptExpression, p.expression);
        m_reference->setPoint(p.reference);
        setKeptText(m_note, &m_keptNote, p.referenceNote);
        m_citations->setCitations(p.citations);
        m_setting = false;
    }
    update();
}

PartialDate DateEdit::date() const
{
    PartialDate d;
    switch (mode()) {
    case Mode::NotGiven:
        return {};
    case Mode::Single:
        d = PartialDate(m_start->point());
        break;
    case Mode::Range: {
        const bool openStart = m_openStart->isChecked();
        const bool openEnd = m_openEnd->isChecked();
        if (openStart && !openEnd) {
            d = PartialDate::openStart(m_end->point());
        } else if (openEnd && !openStart) {
            d = PartialDate::openEnd(m_start->point());
        } else if (!openStart && !openEnd) {
            d = PartialDate::range(m_start->point(), m_end->point());
        }
        break;
    }
    }
    if (mode() == Mode::Range) {
        const bool start = m_approximateStart->isChecked();
        const bool end = m_approximateEnd->isChecked();
        d.setApproximate(start && end ? PartialDate::Approximate::Whole
                             : start  ? PartialDate::Approximate::Start
                             : end    ? PartialDate::Approximate::End
                                      : PartialDate::Approximate::No);
    } else {
        d.setApproximate(m_approximate->isChecked());
    }
    d.setQualifier(keptText(m_qualifier, m_keptQualifier));
    DateProvenance p;
    p.kind = kind();
    p.expression = keptText(m_expression, m_keptExpression);
    p.reference = m_reference->point();
    p.referenceNote = keptText(m_note, m_keptNote);
    p.citations = m_citations->citations();
    d.setProvenance(p);
    return d;
}

QString DateEdit::problem() const
{
    const Mode m = mode();
    if (m == Mode::NotGiven) {
        return {};
    }
    QStringList problems;
    if (m == Mode::Single) {
        if (m_start->isEmpty()) {
            problems << QStringLiteral("Date: enter at least the year.");
        } else if (const QString p = m_start->problem(); !p.isEmpty()) {
            problems << QStringLiteral("Date: %1.").arg(p);
        }
    } else {
        const bool openStart = m_openStart->isChecked();
        const bool openEnd = m_openEnd->isChecked();
        if (openStart && openEnd) {
            problems << QStringLiteral("Date: a range needs at least one known end; untick \u201cnot given\u201d at "
                                       "its start or its end.");
        }
        if (!openStart) {
            if (m_start->isEmpty()) {
                problems << QStringLiteral("From: enter the year the range starts, or tick \u201cnot given\u201d when "
                                           "the sources do not say.");
            } else if (const QString p = m_start->problem(); !p.isEmpty()) {
                problems << QStringLiteral("From: %1.").arg(p);
            }
        }
        if (!openEnd) {
            if (m_end->isEmpty()) {
                problems << QStringLiteral("To: enter the year the range ends, or tick \u201cnot given\u201d when "
                                           "the sources do not say.");
            } else if (const QString p = m_end->problem(); !p.isEmpty()) {
                problems << QStringLiteral("To: %1.").arg(p);
            }
        }
        const DatePoint start = m_start->point();
        const DatePoint end = m_end->point();
        if (problems.isEmpty() && !openStart && !openEnd && end.lastDay() < start.firstDay()) {
            problems << QStringLiteral("To: the range ends (%1) before it starts (%2); swap the two ends.")
                            .arg(end.toDisplayString(), start.toDisplayString());
        }
    }
    if (kind() == DateProvenance::Kind::Relative) {
        if (m_expression->text().trimmed().isEmpty()) {
            problems << QStringLiteral("Source's words: a relative date needs the words it was worked out from, "
                                       "e.g. \u201clast month\u201d.");
        }
        if (m_reference->isEmpty()) {
            problems << QStringLiteral("Resolved against: give the date those words were resolved against, e.g. "
                                       "the day the article was published.");
        }
    }
    if (const QString p = m_reference->problem(); !p.isEmpty()) {
        problems << QStringLiteral("Resolved against: %1.").arg(p);
    }
    if (problems.isEmpty() && !date().isValid()) {
        problems << QStringLiteral("Date: this is not a date the case can hold; check its ends.");
    }
    return problems.join(QLatin1Char('\n'));
}

QString DateEdit::preview() const
{
    if (mode() == Mode::NotGiven) {
        return QStringLiteral("not given");
    }
    const PartialDate d = date();
    return d.isValid() && problem().isEmpty() ? d.toDisplayString() : QStringLiteral("\u2014");
}

// A single date becomes a range's start and a range's start the single date: its approximation goes
// with it, so switching the kind of date does not silently drop a "c.".
void DateEdit::carryApproximation()
{
    const Mode m = mode();
    if (m_setting || m == m_shownMode) {
        return;
    }
    m_setting = true; // one update, by the caller's connection
    if (m_shownMode == Mode::Single && m == Mode::Range && !m_approximateStart->isChecked()
        && !m_approximateEnd->isChecked()) {
        m_approximateStart->setChecked(m_approximate->isChecked());
    } else if (m_shownMode == Mode::Range && m == Mode::Single) {
        m_approximate->setChecked(m_approximateStart->isChecked());
    }
    m_setting = false;
    m_shownMode = m;
}

void DateEdit::update()
{
    if (m_setting) {
        return;
    }
    const Mode m = mode();
    const bool given = m != Mode::NotGiven;
    const bool range = m == Mode::Range;
    m_form->setRowVisible(m_startRow, given);
    m_form->setRowVisible(m_endRow, range);
    m_openStart->setVisible(range);
    m_start->setEnabled(!range || !m_openStart->isChecked());
    m_end->setEnabled(!m_openEnd->isChecked());
    m_approximateStart->setVisible(range);
    m_approximateStart->setEnabled(!m_openStart->isChecked());
    m_approximateEnd->setEnabled(!m_openEnd->isChecked());
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_startRow))) {
        label->setText(range ? QStringLiteral("&From:") : QStringLiteral("&On:"));
    }
    m_form->setRowVisible(m_approximate, given && !range);
    for (QWidget *w : std::initializer_list<QWidget *> {m_qualifier, m_kind, m_expression, m_note, m_citations}) {
        m_form->setRowVisible(w, given);
    }
    m_form->setRowVisible(m_reference, given && (kind() == DateProvenance::Kind::Relative || !m_reference->isEmpty()));
    m_preview->setText(preview());
    const QString p = problem();
    m_problem->setText(p);
    m_form->setRowVisible(m_problem, !p.isEmpty());
    Q_EMIT changed();
}

} // namespace AT

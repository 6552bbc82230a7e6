#pragma once

#include "casedata.h"
#include "formparts.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace AT {

// One calendar point as the sources give it: a year, a month of a year, or a day. The month and the
// day may be left out ("no month"); a year left out means the point is not given.
class DatePointEdit final : public QWidget
{
    Q_OBJECT
public:
    explicit DatePointEdit(const QString &accessibleName, QWidget *parent = nullptr);
    void setPoint(const DatePoint &point);
    // Invalid when no year is given or the day does not exist.
    DatePoint point() const;
    bool isEmpty() const;
    // Why the point is not a date ("30 Feb 2023 does not exist"), or empty.
    QString problem() const;

    QSpinBox *yearBox() const { return m_year; }
    QComboBox *monthBox() const { return m_month; }
    QSpinBox *dayBox() const { return m_day; }

Q_SIGNALS:
    void changed();

private:
    void updateEnabled();

    QSpinBox *m_year;
    QComboBox *m_month;
    QSpinBox *m_day;
};

// Edits a PartialDate: one day, month or year, or a range whose ends each have their own precision
// and either of which may be unknown, whether it is approximate (a single date as a whole, a range at either
// end or both: "c. 2010 – 25 Mar 2024"), the wording that qualifies it, and
// how the date was established (stated by the source, resolved from words such as "last month"
// against a reference date, or inferred) with the explanation and the passages that show it. Shows the
// date as the app displays it, and says what is wrong while the input is not a date.
class DateEdit final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Single, Range, NotGiven };

    // `kase` names the sources of the provenance citations; it must outlive the editor.
    explicit DateEdit(const Case *kase, QWidget *parent = nullptr);

    // Whether "not given" is a choice (a claim's date is optional, an event's is not).
    void setAllowNotGiven(bool allow);
    void setDate(const PartialDate &date);
    PartialDate date() const;
    // What is wrong with the input, in words naming the field and the fix; empty when it is a date.
    QString problem() const;
    // The date as the timeline shows it.
    QString preview() const;

    Mode mode() const;
    void setMode(Mode mode);
    QComboBox *modeBox() const { return m_mode; }
    DatePointEdit *startEdit() const { return m_start; }
    DatePointEdit *endEdit() const { return m_end; }
    QCheckBox *openStartBox() const { return m_openStart; }
    QCheckBox *openEndBox() const { return m_openEnd; }
    // A single date approximate; hidden for a range, whose ends have their own boxes.
    QCheckBox *approximateBox() const { return m_approximate; }
    QCheckBox *approximateStartBox() const { return m_approximateStart; }
    QCheckBox *approximateEndBox() const { return m_approximateEnd; }
    QLineEdit *qualifierEdit() const { return m_qualifier; }
    QComboBox *provenanceBox() const { return m_kind; }
    QLineEdit *expressionEdit() const { return m_expression; }
    DatePointEdit *referenceEdit() const { return m_reference; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    CitationListEdit *citationsEdit() const { return m_citations; }
    QLabel *previewLabel() const { return m_preview; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    void changed();

private:
    void update();
    void carryApproximation();
    DateProvenance::Kind kind() const;

    QFormLayout *m_form;
    QComboBox *m_mode;
    DatePointEdit *m_start;
    DatePointEdit *m_end;
    QCheckBox *m_openStart;
    QCheckBox *m_openEnd;
    QCheckBox *m_approximate;
    QCheckBox *m_approximateStart;
    QCheckBox *m_approximateEnd;
    QLineEdit *m_qualifier;
    QComboBox *m_kind;
    QLineEdit *m_expression;
    DatePointEdit *m_reference;
    QPlainTextEdit *m_note;
    CitationListEdit *m_citations;
    QLabel *m_preview;
    QLabel *m_problem;
    QWidget *m_startRow;
    QWidget *m_endRow;
    KeptText m_keptQualifier;
    KeptText m_keptExpression;
    KeptText m_keptNote;
    Mode m_shownMode = Mode::Single; // the mode before the last change, to carry approximation across
    bool m_allowNotGiven = false;
    bool m_setting = false;
};

} // namespace AT

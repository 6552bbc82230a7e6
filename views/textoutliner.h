#pragma once

#include <QPaintDevice>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>

class QFont;
class QPainter;

namespace AT {

class TextOutlinerEngine;

// A paint device that passes every drawing call on to another painter, except that text arrives
// there as filled outlines of the glyphs the font engine chose (after font fallback, shaping and
// bidi reordering). Vector exports draw through it so that what a reader sees does not depend on
// the fonts of the machine that opens the file (an SVG names fonts but cannot carry them), and so
// that no painted case text reaches the output file as text: an SVG made this way holds no element
// and no character data from the case, except the escaped <title> the exporter sets itself.
class TextOutliner : public QPaintDevice
{
public:
    // Called for every run of text drawn: its characters in logical order, its font and where
    // its baseline starts, in the coordinates of the painter that draws on this device.
    using TextObserver = std::function<void(const QString &text, const QFont &font, const QPointF &at)>;

    // Called for every run of text drawn with the box it covers (ascent to descent, its advance
    // wide) in this device's coordinates: rotated or scaled runs are boxed where they land.
    using BoxObserver = std::function<void(const QString &text, const QFont &font, const QRectF &box)>;

    // `target` must stay active while this device is painted on; its device gives the metrics.
    explicit TextOutliner(QPainter *target, TextObserver observer = {}, BoxObserver boxObserver = {});
    ~TextOutliner() override;

    QPaintEngine *paintEngine() const override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QPainter *m_target;
    std::unique_ptr<TextOutlinerEngine> m_engine;
};

} // namespace AT

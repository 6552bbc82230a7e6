#include "textoutliner.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QTextItem>

namespace AT {

class TextOutlinerEngine final : public QPaintEngine
{
public:
    TextOutlinerEngine(QPainter *target, TextOutliner::TextObserver observer, TextOutliner::BoxObserver boxObserver)
        : QPaintEngine(AllFeatures)
        , m_target(target)
        , m_observer(std::move(observer))
        , m_boxObserver(std::move(boxObserver))
    { }

    bool begin(QPaintDevice *) override
    {
        // Whatever the target painter was set to (a scale to the PDF page, say) stays underneath.
        m_base = m_target->transform();
        m_target->save();
        return true;
    }

    bool end() override
    {
        m_target->restore();
        return true;
    }

    Type type() const override { return User; }

    void updateState(const QPaintEngineState &s) override
    {
        const DirtyFlags f = s.state();
        if (f & DirtyTransform) {
            m_transform = s.transform();
            m_target->setTransform(s.transform() * m_base);
        }
        if (f & DirtyPen) {
            m_target->setPen(s.pen());
        }
        if (f & DirtyBrush) {
            m_target->setBrush(s.brush());
        }
        if (f & DirtyBrushOrigin) {
            m_target->setBrushOrigin(s.brushOrigin());
        }
        if (f & DirtyBackground) {
            m_target->setBackground(s.backgroundBrush());
        }
        if (f & DirtyBackgroundMode) {
            m_target->setBackgroundMode(s.backgroundMode());
        }
        if (f & DirtyFont) {
            m_target->setFont(s.font());
        }
        if (f & DirtyHints) {
            m_target->setRenderHints(s.renderHints());
        }
        if (f & DirtyCompositionMode) {
            m_target->setCompositionMode(s.compositionMode());
        }
        if (f & DirtyOpacity) {
            m_target->setOpacity(s.opacity());
        }
        // Clips are given in the coordinates in force when they were set, which is the transform
        // just applied; the target keeps them in device coordinates as QPainter always does.
        if (f & DirtyClipPath) {
            m_target->setClipPath(s.clipPath(), s.clipOperation());
        }
        if (f & DirtyClipRegion) {
            m_target->setClipRegion(s.clipRegion(), s.clipOperation());
        }
        if (f & DirtyClipEnabled) {
            m_target->setClipping(s.isClipEnabled());
        }
    }

    void drawPath(const QPainterPath &path) override { m_target->drawPath(path); }
    void drawRects(const QRectF *rects, int count) override { m_target->drawRects(rects, count); }
    void drawRects(const QRect *rects, int count) override { m_target->drawRects(rects, count); }
    void drawLines(const QLineF *lines, int count) override { m_target->drawLines(lines, count); }
    void drawLines(const QLine *lines, int count) override { m_target->drawLines(lines, count); }
    void drawEllipse(const QRectF &r) override { m_target->drawEllipse(r); }
    void drawEllipse(const QRect &r) override { m_target->drawEllipse(r); }
    void drawPoints(const QPointF *points, int count) override { m_target->drawPoints(points, count); }
    void drawPoints(const QPoint *points, int count) override { m_target->drawPoints(points, count); }

    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        if (mode == PolylineMode) {
            m_target->drawPolyline(points, count);
        } else {
            m_target->drawPolygon(points, count, mode == WindingMode ? Qt::WindingFill : Qt::OddEvenFill);
        }
    }

    void drawPolygon(const QPoint *points, int count, PolygonDrawMode mode) override
    {
        if (mode == PolylineMode) {
            m_target->drawPolyline(points, count);
        } else {
            m_target->drawPolygon(points, count, mode == WindingMode ? Qt::WindingFill : Qt::OddEvenFill);
        }
    }

    void drawPixmap(const QRectF &r, const QPixmap &pm, const QRectF &sr) override { m_target->drawPixmap(r, pm, sr); }

    void drawTiledPixmap(const QRectF &r, const QPixmap &pm, const QPointF &s) override
    {
        m_target->drawTiledPixmap(r, pm, s);
    }

    void drawImage(const QRectF &r, const QImage &image, const QRectF &sr, Qt::ImageConversionFlags flags) override
    {
        m_target->drawImage(r, image, sr, flags);
    }

    void drawTextItem(const QPointF &p, const QTextItem &textItem) override
    {
        if (m_observer) {
            m_observer(textItem.text(), textItem.font(), p);
        }
        if (m_boxObserver) {
            const QRectF box(p.x(), p.y() - textItem.ascent(), textItem.width(),
                             textItem.ascent() + textItem.descent());
            m_boxObserver(textItem.text(), textItem.font(), m_transform.mapRect(box));
        }
        // The base class turns the run's shaped glyphs into one path and fills it with the pen's
        // brush through this engine's drawPath.
        QPaintEngine::drawTextItem(p, textItem);
    }

private:
    QPainter *m_target;
    TextOutliner::TextObserver m_observer;
    TextOutliner::BoxObserver m_boxObserver;
    QTransform m_base;
    QTransform m_transform; // this device's painter's, without the target's own
};

TextOutliner::TextOutliner(QPainter *target, TextObserver observer, BoxObserver boxObserver)
    : m_target(target)
    , m_engine(std::make_unique<TextOutlinerEngine>(target, std::move(observer), std::move(boxObserver)))
{ }

TextOutliner::~TextOutliner() = default;

QPaintEngine *TextOutliner::paintEngine() const
{
    return m_engine.get();
}

int TextOutliner::metric(PaintDeviceMetric metric) const
{
    const QPaintDevice *d = m_target->device();
    switch (metric) {
    case PdmWidth:
        return d->width();
    case PdmHeight:
        return d->height();
    case PdmWidthMM:
        return d->widthMM();
    case PdmHeightMM:
        return d->heightMM();
    case PdmNumColors:
        return d->colorCount();
    case PdmDepth:
        return d->depth();
    case PdmDpiX:
        return d->logicalDpiX();
    case PdmDpiY:
        return d->logicalDpiY();
    case PdmPhysicalDpiX:
        return d->physicalDpiX();
    case PdmPhysicalDpiY:
        return d->physicalDpiY();
    case PdmDevicePixelRatio:
        return d->devicePixelRatio();
    case PdmDevicePixelRatioScaled:
        return static_cast<int>(d->devicePixelRatioF() * devicePixelRatioFScale());
    }
    return 0;
}

} // namespace AT

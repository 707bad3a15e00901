//! Off-screen rendering: the same egui paint code as the window, rasterised by the same
//! renderer (egui-wgpu) into a texture of any size, then read back as an image. Works on
//! any adapter, Mesa's software ones included, with no display.

use std::sync::mpsc::channel;
use std::time::Duration;

use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};
use image::RgbaImage;

/// How long to wait for the GPU (or the software rasteriser) to finish.
const GPU_TIMEOUT: Duration = Duration::from_secs(60);

/// Why an off-screen picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No graphics adapter at all (not even a software one).
    #[error("no graphics adapter for off-screen rendering: {0}")]
    NoAdapter(String),
    /// The picture is larger than the adapter's textures.
    #[error("{width}×{height} px is larger than this graphics adapter allows ({max} px per side)")]
    TooLarge {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
        /// The adapter's limit.
        max: u32,
    },
    /// The picture holds more geometry than the adapter's buffers take.
    #[error(
        "the picture holds {bytes} bytes of geometry, more than this graphics adapter takes in one buffer ({max} bytes)"
    )]
    TooComplex {
        /// What the geometry needs.
        bytes: u64,
        /// The adapter's limit.
        max: u64,
    },
    /// The GPU failed while drawing or reading back.
    #[error("rendering failed: {0}")]
    Gpu(String),
}

/// A headless egui renderer. Keep one for many pictures: its egui context caches fonts
/// and text layout between them.
pub struct OffscreenRenderer {
    render_state: RenderState,
    ctx: egui::Context,
    warmed_up: bool,
}

impl OffscreenRenderer {
    /// Creates a device on the best available adapter.
    pub fn new() -> Result<Self, RenderError> {
        let setup = egui_wgpu::WgpuSetup::without_display_handle();
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let render_state = pollster::block_on(RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::default(),
        ))
        .map_err(|e| RenderError::NoAdapter(e.to_string()))?;
        let ctx = egui::Context::default();
        ctx.set_visuals(egui::Visuals::light());
        Ok(Self {
            render_state,
            ctx,
            warmed_up: false,
        })
    }

    /// The largest picture side this adapter can render.
    pub fn max_side(&self) -> u32 {
        self.render_state.device.limits().max_texture_dimension_2d
    }

    /// Runs `draw` in an egui frame of `size` pixels at `pixels_per_point`, and returns the picture.
    pub fn render(
        &mut self,
        size: [u32; 2],
        pixels_per_point: f32,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Result<RgbaImage, RenderError> {
        let [width, height] = size;
        let max = self.max_side();
        if width == 0 || height == 0 || width > max || height > max {
            return Err(RenderError::TooLarge { width, height, max });
        }
        let ctx = self.ctx.clone();
        let points = egui::vec2(width as f32, height as f32) / pixels_per_point;
        let input = || headless_input(points, pixels_per_point);
        let started = std::time::Instant::now();
        // A fresh context needs a pass to load its fonts; after that one pass is enough.
        let mut output = ctx.run_ui(input(), &mut draw);
        if !self.warmed_up {
            self.upload_textures(&mut output.textures_delta);
            output = ctx.run_ui(input(), &mut draw);
            self.warmed_up = true;
        }
        self.upload_textures(&mut output.textures_delta);
        let laid_out = started.elapsed();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellated = started.elapsed();
        // Asking wgpu for a larger buffer than the device allows is a panic, not an error.
        let bytes = geometry_bytes(&primitives);
        let max = self.render_state.device.limits().max_buffer_size;
        if bytes > max {
            return Err(RenderError::TooComplex { bytes, max });
        }
        let image = self.draw(&primitives, size, output.pixels_per_point);
        log::debug!(
            "export {width}×{height}: ui {:?}, tessellation {:?}, GPU and read-back {:?}",
            laid_out,
            tessellated - laid_out,
            started.elapsed() - tessellated
        );
        image
    }

    fn upload_textures(&mut self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.render_state.renderer.write();
        for (id, images) in std::mem::take(&mut delta.set) {
            for image in &images {
                renderer.update_texture(
                    &self.render_state.device,
                    &self.render_state.queue,
                    id,
                    image,
                );
            }
        }
        for id in std::mem::take(&mut delta.free) {
            renderer.free_texture(&id);
        }
    }

    fn draw(
        &self,
        primitives: &[egui::ClippedPrimitive],
        size: [u32; 2],
        pixels_per_point: f32,
    ) -> Result<RgbaImage, RenderError> {
        let device = &self.render_state.device;
        let queue = &self.render_state.queue;
        let screen = ScreenDescriptor {
            size_in_pixels: size,
            pixels_per_point,
        };
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("export"),
            size: wgpu::Extent3d {
                width: size[0],
                height: size[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.render_state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("export"),
        });
        let mut renderer = self.render_state.renderer.write();
        let user_buffers =
            renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("export"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        drop(renderer);

        // Rows of a texture copy are padded to 256 bytes.
        let unpadded = size[0] as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = unpadded.div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("export readback"),
            size: (padded * size[1] as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            texture.size(),
        );
        let submission = queue.submit(
            user_buffers
                .into_iter()
                .chain(std::iter::once(encoder.finish())),
        );
        let slice = buffer.slice(..);
        let (sender, receiver) = channel();
        slice.map_async(wgpu::MapMode::Read, move |result| drop(sender.send(result)));
        device
            .poll(wgpu::PollType::Wait {
                submission_index: Some(submission),
                timeout: Some(GPU_TIMEOUT),
            })
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        receiver
            .recv()
            .map_err(|e| RenderError::Gpu(e.to_string()))?
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        let mapped = slice
            .get_mapped_range()
            .map_err(|e| RenderError::Gpu(e.to_string()))?;
        let mut pixels = Vec::with_capacity(unpadded * size[1] as usize);
        for row in mapped.chunks_exact(padded) {
            pixels.extend_from_slice(&row[..unpadded]);
        }
        if self.render_state.target_format == wgpu::TextureFormat::Bgra8Unorm {
            for pixel in pixels.chunks_exact_mut(4) {
                pixel.swap(0, 2);
            }
        }
        RgbaImage::from_raw(size[0], size[1], pixels)
            .ok_or_else(|| RenderError::Gpu("read-back size mismatch".into()))
    }
}

/// One headless frame's input: a screen `points` large at `pixels_per_point`, no events.
pub(crate) fn headless_input(points: egui::Vec2, pixels_per_point: f32) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, points)),
        viewports: std::iter::once((
            egui::ViewportId::ROOT,
            egui::ViewportInfo {
                native_pixels_per_point: Some(pixels_per_point),
                ..Default::default()
            },
        ))
        .collect(),
        ..Default::default()
    }
}

/// The bytes of vertex or index buffer the largest of the two needs for `primitives`
/// (egui-wgpu puts all meshes in one of each).
fn geometry_bytes(primitives: &[egui::ClippedPrimitive]) -> u64 {
    let (mut vertices, mut indices) = (0u64, 0u64);
    for primitive in primitives {
        if let egui::epaint::Primitive::Mesh(mesh) = &primitive.primitive {
            vertices += mesh.vertices.len() as u64;
            indices += mesh.indices.len() as u64;
        }
    }
    let vertex = std::mem::size_of::<egui::epaint::Vertex>() as u64;
    (vertices * vertex).max(indices * 4)
}

using GenreML.Onnx.Export;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

/// <summary>Small custom modules for the error and extension tests.</summary>
public static class TestModules
{
    /// <summary>A leaf module no converter knows.</summary>
    public sealed class Attention() : Module<Tensor, Tensor>(nameof(Attention))
    {
        public override Tensor forward(Tensor input) => input * functional.softmax(input, -1);
    }

    /// <summary>A container whose forward is not the chain of its children: x + conv(x).</summary>
    public sealed class Residual : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv = Conv2d(2, 2, 3, padding: 1);

        public Residual()
            : base(nameof(Residual)) => RegisterComponents();

        public override Tensor forward(Tensor input) => input + conv.call(input);
    }

    /// <summary>A container whose forward is the chain of its children.</summary>
    public sealed class Chain : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv = Conv2d(1, 2, 3);
        private readonly Module<Tensor, Tensor> act = Tanh();

        public Chain()
            : base(nameof(Chain)) => RegisterComponents();

        public override Tensor forward(Tensor input) => act.call(conv.call(input));
    }

    /// <summary>A custom element-wise module: x · factor.</summary>
    public sealed class Scale(float factor) : Module<Tensor, Tensor>(nameof(Scale))
    {
        public float Factor { get; } = factor;

        public override Tensor forward(Tensor input) => input * Factor;
    }

    /// <summary>Converter for <see cref="Scale"/>: Mul by a scalar constant.</summary>
    public sealed class ScaleConverter : ModuleConverter<Scale>
    {
        protected override string Convert(Scale module, ModuleConversionContext context) =>
            context.Graph.AddNode("Mul", context.OutputName, context.Input, context.ScalarConstant("factor", module.Factor)).Output;
    }
}

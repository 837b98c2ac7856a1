using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>
/// GELU → its formula in elementary operators (Gelu arrives only in opset 20):
/// exact 0.5·x·(1 + erf(x/√2)), or with <c>approximate = tanh</c> 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
/// </summary>
public sealed class GELUConverter : ModuleConverter<GELU>
{
    /// <inheritdoc />
    protected override string Convert(GELU module, ModuleConversionContext context)
    {
        var graph = context.Graph;
        string x = context.Input;
        string inner;
        if (module.approximate == GELU.Approximate.tanh)
        {
            string square = graph.AddNode("Mul", context.Name("Square"), x, x).Output;
            string cube = graph.AddNode("Mul", context.Name("Cube"), square, x).Output;
            string scaledCube = graph.AddNode("Mul", context.Name("ScaledCube"), cube, context.ScalarConstant("cubic_coefficient", 0.044715f)).Output;
            string sum = graph.AddNode("Add", context.Name("Polynomial"), x, scaledCube).Output;
            string argument = graph.AddNode("Mul", context.Name("TanhArgument"), sum, context.ScalarConstant("sqrt_2_over_pi", (float)Math.Sqrt(2 / Math.PI))).Output;
            inner = graph.AddNode("Tanh", context.Name("Tanh"), argument).Output;
        }
        else
        {
            string scaled = graph.AddNode("Div", context.Name("DivSqrt2"), x, context.ScalarConstant("sqrt_2", (float)Math.Sqrt(2))).Output;
            inner = graph.AddNode("Erf", context.Name("Erf"), scaled).Output;
        }

        string onePlus = graph.AddNode("Add", context.Name("OnePlus"), inner, context.ScalarConstant("one", 1f)).Output;
        string product = graph.AddNode("Mul", context.Name("TimesX"), x, onePlus).Output;
        return graph.AddNode("Mul", context.OutputName, product, context.ScalarConstant("half", 0.5f)).Output;
    }
}

using GenreML.Onnx.Export;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class ExportErrorTests
{
    [Fact]
    public void Module_without_converter_is_named_with_type_and_path()
    {
        var model = Sequential(("features", Sequential(
            ("block1", Sequential(("conv", Conv2d(1, 2, 3)))),
            ("block2", Sequential(("conv", Conv2d(2, 2, 3)), ("attn", new TestModules.Attention()))))));

        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));

        Assert.Equal("features.block2.attn", error.ModulePath);
        Assert.Equal(typeof(TestModules.Attention), error.ModuleType);
        Assert.Contains("features.block2.attn (GenreML.Onnx.Tests.TestModules+Attention)", error.Message);
    }

    [Fact]
    public void Circular_padding_is_refused()
    {
        var model = Sequential(("conv", Conv2d(1, 2, 3, padding: 1, padding_mode: PaddingModes.Circular)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal("conv", error.ModulePath);
        Assert.Contains("Circular", error.Message);
    }

    [Fact]
    public void Avgpool_divisor_override_is_refused()
    {
        var model = Sequential(("pool", AvgPool2d(2, divisor_override: 3)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Contains("divisor_override", error.Message);
    }

    [Fact]
    public void Adaptive_pool_to_a_non_divisor_size_is_refused()
    {
        var model = Sequential(("pool", AdaptiveAvgPool2d((3, 5))));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal("pool", error.ModulePath);
    }

    [Fact]
    public void Non_chain_forward_is_caught_by_the_verification()
    {
        torch.manual_seed(41);
        var model = Sequential(("stem", Conv2d(1, 2, 3, padding: 1)), ("res", new TestModules.Residual()));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Contains("disagrees", error.Message);
    }

    [Fact]
    public void Unregistered_container_is_refused_when_walking_is_off()
    {
        var model = Sequential(("res", new TestModules.Residual()));
        var error = Assert.Throws<OnnxExportException>(
            () => OnnxExporter.ExportToBytes(model, Parity.Options() with { WalkUnregisteredContainers = false }));
        Assert.Equal("res", error.ModulePath);
        Assert.Equal(typeof(TestModules.Residual), error.ModuleType);
    }

    [Fact]
    public void Input_that_does_not_fit_the_model_names_the_module()
    {
        var model = Sequential(("flatten", Flatten()), ("fc", Linear(50, 3)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal("fc", error.ModulePath);
    }

    [Fact]
    public void Output_that_loses_the_batch_axis_is_refused()
    {
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(Sequential(("flatten", Flatten(0, -1))), Parity.Options()));
        Assert.Contains("batch axis", error.Message);
    }

    [Fact]
    public void Dynamic_frames_on_a_fixed_width_network_is_caught_by_the_verification()
    {
        torch.manual_seed(43);
        var model = Sequential(("flatten", Flatten()), ("fc", Linear(96, 4)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options() with { DynamicFrames = true }));
        Assert.Contains("width 18", error.Message);
    }

    [Fact]
    public void Module_whose_forward_fails_on_the_traced_shape_is_named()
    {
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(Sequential(("conv", Conv2d(3, 2, 3))), Parity.Options()));
        Assert.Equal("conv", error.ModulePath);
        Assert.Contains("[2, 1, 8, 12]", error.Message);
    }

    [Fact]
    public void Float64_parameters_are_refused_with_the_module_path()
    {
        var model = Sequential(("flatten", Flatten()), ("fc", Linear(96, 3, dtype: float64)));
        var error = Assert.Throws<OnnxExportException>(() => OnnxExporter.ExportToBytes(model, Parity.Options()));
        Assert.Equal("fc", error.ModulePath);
        Assert.Contains("Float64", error.Message);
    }

    [Fact]
    public void Invalid_options_are_all_listed()
    {
        var options = new OnnxExportOptions { MelBands = 0, Frames = -1, NormalizationMean = 1, LogitsName = "logmel" };
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(Sequential(("id", Identity())), options));
        Assert.Contains("MelBands", error.Message);
        Assert.Contains("Frames", error.Message);
        Assert.Contains("NormalizationStd", error.Message);
        Assert.Contains("distinct", error.Message);
    }

    [Fact]
    public void Default_registry_is_read_only_and_a_copy_accepts_custom_converters()
    {
        Assert.Throws<InvalidOperationException>(() => ModuleConverterRegistry.Default.Register<TestModules.Scale>(new TestModules.ScaleConverter()));

        var registry = ModuleConverterRegistry.CreateDefault().Register<TestModules.Scale>(new TestModules.ScaleConverter());
        var model = Sequential(("conv", Conv2d(1, 2, 3)), ("scale", new TestModules.Scale(2.5f)));
        Parity.AssertMatches(model, Parity.Options() with { Converters = registry });
    }

    [Fact]
    public void Registered_container_type_is_walked_even_when_walking_is_off()
    {
        torch.manual_seed(42);
        var registry = ModuleConverterRegistry.CreateDefault().RegisterContainer<TestModules.Chain>();
        var model = Sequential(("chain", new TestModules.Chain()));
        Parity.AssertMatches(model, Parity.Options() with { Converters = registry, WalkUnregisteredContainers = false });
    }
}

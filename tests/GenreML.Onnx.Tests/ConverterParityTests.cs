using GenreML.Onnx.Export;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace GenreML.Onnx.Tests;

public sealed class ConverterParityTests
{
    private static readonly Dictionary<string, Func<Module<Tensor, Tensor>>> Models = new()
    {
        ["conv 3x3 pad 1"] = () => Sequential(("conv", Conv2d(1, 4, 3, padding: 1))),
        ["conv stride 2 no bias"] = () => Sequential(("conv", Conv2d(1, 4, 3, stride: 2, bias: false))),
        ["conv rect kernel stride/pad"] = () => Sequential(("conv", Conv2d(1, 3, (3, 5), stride: (2, 1), padding: (1, 2)))),
        ["conv dilation 2"] = () => Sequential(("conv", Conv2d(1, 4, 3, dilation: 2, padding: 2))),
        ["conv groups 2"] = () => Sequential(("first", Conv2d(1, 4, 1)), ("grouped", Conv2d(4, 6, 3, groups: 2))),
        ["conv padding same"] = () => Sequential(("conv", Conv2d(1, 4, 4, padding: Padding.Same))),
        ["conv padding valid"] = () => Sequential(("conv", Conv2d(1, 4, 3, padding: Padding.Valid))),
        ["conv reflect"] = () => Sequential(("conv", Conv2d(1, 4, 3, padding: 1, padding_mode: PaddingModes.Reflect))),
        ["conv replicate"] = () => Sequential(("conv", Conv2d(1, 4, 3, padding: 2, padding_mode: PaddingModes.Replicate))),
        ["relu"] = () => Sequential(("act", ReLU())),
        ["leaky relu"] = () => Sequential(("act", LeakyReLU(0.2))),
        ["gelu"] = () => Sequential(("act", GELU())),
        ["gelu tanh"] = () => Sequential(("act", GELU(TorchSharp.Modules.GELU.Approximate.tanh))),
        ["silu"] = () => Sequential(("act", SiLU())),
        ["elu"] = () => Sequential(("act", ELU(0.7))),
        ["sigmoid"] = () => Sequential(("act", Sigmoid())),
        ["tanh"] = () => Sequential(("act", Tanh())),
        ["maxpool 2"] = () => Sequential(("pool", MaxPool2d(2))),
        ["maxpool 3 s2 p1"] = () => Sequential(("pool", MaxPool2d(3, stride: 2, padding: 1))),
        ["maxpool ceil"] = () => Sequential(("pool", MaxPool2d(3, stride: 2, ceil_mode: true))),
        ["maxpool dilation"] = () => Sequential(("pool", MaxPool2d(2, stride: 1, dilation: 2))),
        ["maxpool ceil, last window in padding"] = () => Sequential(("pool", MaxPool2d(3, stride: 3, padding: 1, ceil_mode: true))),
        ["avgpool ceil, last window in padding"] = () => Sequential(("pool", AvgPool2d(3, stride: 3, padding: 1, ceil_mode: true))),
        ["avgpool ceil, exclude pad"] = () => Sequential(("pool", AvgPool2d(3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false))),
        ["avgpool 2"] = () => Sequential(("pool", AvgPool2d(2))),
        ["avgpool pad count_include_pad"] = () => Sequential(("pool", AvgPool2d(3, stride: 2, padding: 1))),
        ["avgpool pad exclude pad"] = () => Sequential(("pool", AvgPool2d(3, stride: 2, padding: 1, count_include_pad: false))),
        ["avgpool ceil"] = () => Sequential(("pool", AvgPool2d(3, stride: 2, ceil_mode: true))),
        ["adaptive avg 1"] = () => Sequential(("pool", AdaptiveAvgPool2d(1))),
        ["adaptive max 1"] = () => Sequential(("pool", AdaptiveMaxPool2d([1, 1]))),
        ["adaptive avg 2x3"] = () => Sequential(("pool", AdaptiveAvgPool2d((2, 3)))),
        ["adaptive max 4x4"] = () => Sequential(("pool", AdaptiveMaxPool2d([4, 4]))),
        ["adaptive avg over time only"] = () => Sequential(("pool", AdaptiveAvgPool2d([8, 1]))),
        ["adaptive max over time only"] = () => Sequential(("pool", AdaptiveMaxPool2d([8, 1]))),
        ["dropout"] = () => Sequential(("conv", Conv2d(1, 2, 1)), ("drop", Dropout(0.5))),
        ["dropout2d"] = () => Sequential(("conv", Conv2d(1, 2, 1)), ("drop", Dropout2d(0.5))),
        ["identity"] = () => Sequential(("id", Identity())),
        ["flatten"] = () => Sequential(("flatten", Flatten())),
        ["flatten 1..2 (reshape)"] = () => Sequential(("conv", Conv2d(1, 2, 1)), ("flatten", Flatten(1, 2))),
        ["flatten 2..3 (reshape)"] = () => Sequential(("conv", Conv2d(1, 2, 1)), ("flatten", Flatten(2, 3))),
        ["linear (gemm)"] = () => Sequential(("flatten", Flatten()), ("fc", Linear(96, 5))),
        ["linear no bias"] = () => Sequential(("flatten", Flatten()), ("fc", Linear(96, 5, hasBias: false))),
        ["linear on 4-D (matmul)"] = () => Sequential(("fc", Linear(12, 5))),
        ["linear on 4-D no bias"] = () => Sequential(("fc", Linear(12, 5, hasBias: false))),
        ["batchnorm1d after linear"] = () => Sequential(("flatten", Flatten()), ("fc", Linear(96, 6)), ("bn", Randomised(BatchNorm1d(6))), ("act", ReLU())),
        ["softmax dim 1"] = () => Sequential(("conv", Conv2d(1, 3, 1)), ("softmax", Softmax(1))),
        ["log softmax last"] = () => Sequential(("flatten", Flatten()), ("fc", Linear(96, 4)), ("logsoftmax", LogSoftmax(-1))),
        ["nested sequential"] = () => Sequential(("block", Sequential(("conv", Conv2d(1, 2, 3)), ("act", ReLU()))), ("head", Sequential(("pool", AdaptiveAvgPool2d(1)), ("flatten", Flatten())))),
    };

    private static TorchSharp.Modules.BatchNorm1d Randomised(TorchSharp.Modules.BatchNorm1d bn)
    {
        using var noGrad = torch.no_grad();
        bn.running_mean!.copy_(torch.linspace(-1, 1, bn.num_features));
        bn.running_var!.copy_(torch.linspace(0.5, 2, bn.num_features));
        bn.weight!.copy_(torch.linspace(-2, 2, bn.num_features));
        return bn;
    }

    public static TheoryData<string> ModelNames() => [.. Models.Keys];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Exported_model_matches_TorchSharp_at_batch_1_3_8(string name)
    {
        torch.manual_seed(11);
        var model = Models[name]();
        Parity.AssertMatches(model, Parity.Options());
    }
}

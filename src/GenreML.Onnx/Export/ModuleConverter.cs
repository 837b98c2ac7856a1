using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>Base class for a converter of one module type <typeparamref name="TModule"/>.</summary>
public abstract class ModuleConverter<TModule> : IModuleConverter
    where TModule : nn.Module
{
    /// <inheritdoc />
    public string Convert(ModuleConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Module is TModule module
            ? Convert(module, context)
            : throw context.Unsupported($"{GetType().Name} converts {typeof(TModule).FullName} modules only.");
    }

    /// <summary>Emits the nodes for <paramref name="module"/>; see <see cref="IModuleConverter.Convert"/>.</summary>
    protected abstract string Convert(TModule module, ModuleConversionContext context);
}
